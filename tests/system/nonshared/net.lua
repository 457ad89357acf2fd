-- A small network with non-shared weights (system_nonshared): bars images coded by an LCA layer through a learning
-- non-shared dictionary (each code neuron its own patch), its feedback a TransposeConn, a CopyConn of it normalised
-- its own way, a CloneConn, a Gauss2D non-shared connection and a MomentumConn. The script sets Input.inputPath;
-- everything is written every step, the weights every third.
local every = 1
return {
  column = { groupType = "HyPerCol", dt = 1, stopTime = 12, nx = 16, ny = 16, nbatch = 2, randomSeed = 99,
             outputPath = "output/nonshared", progressInterval = 1000, errorOnNotANumber = true },

  Input = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = "bars.pvp", displayPeriod = 3, writeStep = every },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 1, writeStep = every },
  V1 = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 4, phase = 2, VThresh = 0.1, AMin = 0,
         AShift = 0.1, timeConstantTau = 2, writeStep = every },
  Recon = { groupType = "HyPerLayer", nf = 1, phase = 3, writeStep = every },
  Clone = { groupType = "HyPerLayer", nf = 1, phase = 3, writeStep = every },
  Blur = { groupType = "HyPerLayer", nf = 2, phase = 1, writeStep = every },
  Moment = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 1, writeStep = every },

  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  V1ToError = { groupType = "HyPerConn", preLayerName = "V1", postLayerName = "Error", channelCode = 1, nxp = 6,
                nyp = 6, sharedWeights = false, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
                normalizeMethod = "normalizeL2", strength = 1, plasticityFlag = true, weightUpdatePeriod = 3,
                initialWeightUpdateTime = 3, dWMax = 0.1, writeStep = 3 },
  ErrorToV1 = { groupType = "TransposeConn", preLayerName = "Error", postLayerName = "V1", channelCode = 0,
                originalConnName = "V1ToError" },
  V1ToRecon = { groupType = "CopyConn", preLayerName = "V1", postLayerName = "Recon", channelCode = 0,
                originalConnName = "V1ToError", normalizeMethod = "normalizeSum", strength = 2, writeStep = 3 },
  V1ToClone = { groupType = "CloneConn", preLayerName = "V1", postLayerName = "Clone", channelCode = 0,
                originalConnName = "V1ToError" },
  InputToBlur = { groupType = "HyPerConn", preLayerName = "Input", postLayerName = "Blur", channelCode = 0, nxp = 5,
                  nyp = 5, sharedWeights = false, weightInitType = "Gauss2DWeight", sigma = 1.5,
                  normalizeMethod = "normalizeSum", strength = 1, writeStep = 3 },
  InputToMoment = { groupType = "MomentumConn", preLayerName = "Input", postLayerName = "Moment", channelCode = 0,
                    nxp = 3, nyp = 3, sharedWeights = false, weightInitType = "GaussianRandomWeight",
                    wGaussMean = 0, wGaussStdev = 0.5, normalizeMethod = "none", plasticityFlag = true,
                    weightUpdatePeriod = 2, dWMax = 0.05, momentumTau = 0.5, momentumMethod = "viscosity",
                    writeStep = 3 },
}
