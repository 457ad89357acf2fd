-- The LCA-test types from OpenPV in one small network (8x8, nbatch 4): a 16x16 bars input shown with
-- useInputBCflag (its halo holds the bars beyond the layer's edge, read by a 3x3 blur), its InputRegionLayer, a
-- MomentumLCALayer coding it with an adaptive timescale, the firm-threshold cost of the input (FirmThresholdCostLayer)
-- and of the code (DependentFirmThresholdCostLayer), and the energy of FirmThresholdCostFnProbe,
-- FirmThresholdCostFnLCAProbe and an L2NormProbe. Everything is written every step.
local out = os.getenv("SPV_OUT") or "output/openpv_cost"
local stop = tonumber(os.getenv("SPV_STOP") or "10")
local bars = os.getenv("SPV_BARS") or "bars.pvp"
local function ident(pre, post, channel)
  return { groupType = "IdentConn", preLayerName = pre, postLayerName = post, channelCode = channel }
end
return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = stop, nbatch = 4, randomSeed = 5,
             outputPath = out, progressInterval = 1000 },
  Input = { groupType = "PvpLayer", nf = 1, inputPath = bars, displayPeriod = 3, useInputBCflag = true,
            offsetAnchor = "cc", offsetX = 1, normalizeLuminanceFlag = true, padValue = -1, writeStep = 1 },
  Region = { groupType = "InputRegionLayer", nf = 1, originalLayerName = "Input", writeStep = 1 },
  Blur = { groupType = "HyPerLayer", nf = 1, phase = 1, writeStep = 1 },
  RegionBlur = { groupType = "HyPerLayer", nf = 1, phase = 1, writeStep = 1 },
  Cost = { groupType = "FirmThresholdCostLayer", nf = 1, phase = 1, VThresh = 0.5, VWidth = 0.25, writeStep = 1 },
  Residual = { groupType = "HyPerLayer", nf = 1, phase = 1, writeStep = 1 },
  V1 = { groupType = "MomentumLCALayer", nf = 4, phase = 2, VThresh = 0.1, AMin = 0, AShift = 0, VWidth = 0.05,
         timeConstantTau = 20, LCAMomentumRate = 0.5, adaptiveTimeScaleProbe = "TimeScales",
         InitVType = "UniformRandomV", minV = -0.2, maxV = 0.3, writeStep = 1 },
  V1Cost = { groupType = "DependentFirmThresholdCostLayer", nf = 4, phase = 3, originalLayerName = "V1",
             writeStep = 1 },
  InputToBlur = { groupType = "HyPerConn", preLayerName = "Input", postLayerName = "Blur", channelCode = 0,
                  nxp = 3, nyp = 3, weightInitType = "UniformRandomWeight", wMinInit = 0, wMaxInit = 1,
                  normalizeMethod = "none" },
  RegionToBlur = { groupType = "HyPerConn", preLayerName = "Region", postLayerName = "RegionBlur", channelCode = 0,
                   nxp = 3, nyp = 3, weightInitType = "UniformRandomWeight", wMinInit = 0, wMaxInit = 1,
                   normalizeMethod = "none" },
  InputToCost = ident("Input", "Cost", 0),
  InputToResidual = ident("Input", "Residual", 0),
  V1ToResidual = { groupType = "HyPerConn", preLayerName = "V1", postLayerName = "Residual", channelCode = 1,
                   nxp = 3, nyp = 3, weightInitType = "UniformRandomWeight", wMinInit = -0.5, wMaxInit = 0.5,
                   normalizeMethod = "normalizeL2", strength = 1 },
  ResidualToV1 = { groupType = "TransposeConn", preLayerName = "Residual", postLayerName = "V1", channelCode = 0,
                   originalConnName = "V1ToResidual" },
  V1ToV1Cost = ident("V1", "V1Cost", 0),
  Energy = { groupType = "ColumnEnergyProbe", probeOutputFile = "energy.txt" },
  TimeScales = { groupType = "AdaptiveTimeScaleProbe", targetName = "Energy", baseMax = 2, baseMin = 0.25,
                 tauFactor = 0.1, growthFactor = 0.05, probeOutputFile = "timescales.txt" },
  ResidualL2 = { groupType = "L2NormProbe", targetLayer = "Residual", coefficient = 0.5, energyProbe = "Energy",
                 probeOutputFile = "residual_l2.txt" },
  CodeCost = { groupType = "FirmThresholdCostFnLCAProbe", targetLayer = "V1", energyProbe = "Energy",
               probeOutputFile = "code_cost.txt" },
  InputCost = { groupType = "FirmThresholdCostFnProbe", targetLayer = "Input", VThresh = 0.5, VWidth = 0.25,
                maskLayerName = "Region", probeOutputFile = "input_cost.txt" },
}
