-- A small valid LCA network; each error case loads it, breaks one thing and returns it.
local VThresh = 0.1
return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = 10, outputPath = "unused",
             errorOnNotANumber = true },
  Input = { groupType = "ConstantLayer", nf = 1, phase = 0, InitVType = "ConstantV", valueV = 1 },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  V1 = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 4, phase = 2, VThresh = VThresh,
         AShift = VThresh, AMin = 0, timeConstantTau = 10 },
  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  V1ToError = { groupType = "HyPerConn", preLayerName = "V1", postLayerName = "Error", channelCode = 1,
                nxp = 4, nyp = 4, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
                normalizeMethod = "normalizeL2", strength = 1 },
  ErrorToV1 = { groupType = "TransposeConn", preLayerName = "Error", postLayerName = "V1", channelCode = 0,
                originalConnName = "V1ToError" },
  Energy = { groupType = "ColumnEnergyProbe", probeOutputFile = "Energy.txt" },
  ErrorL2 = { groupType = "L2NormProbe", targetLayer = "Error", probeOutputFile = "ErrorL2.txt",
              energyProbe = "Energy", coefficient = 0.5, exponent = 2 },
  V1L1 = { groupType = "L1NormLCAProbe", targetLayer = "V1", probeOutputFile = "V1L1.txt", energyProbe = "Energy" },
}
