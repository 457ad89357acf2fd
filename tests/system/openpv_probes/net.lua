-- OpenPV's derived probes in one small LCA network (8x8, nbatch 4): the energy is an L2NormProbe of the residual
-- plus an L0NormLCAProbe of the hard-threshold code; a QuotientProbe divides the input's energy by it; V1's step
-- follows a LogTimeScaleProbe of the energy; beside it an AdaptiveTimeScaleProbe and a LogTimeScaleProbe with
-- OpenPV's default log keys read the same energy (the two must write the same numbers). Every probe writes a file.
-- Beside them, OpenPV's BinningLayer (of the input, one step late) and BackgroundLayer (of the code) are written
-- every step, so that their outputs too are compared across splits and restarts.
local out = os.getenv("SPV_OUT") or "output/openpv_probes"
local stop = tonumber(os.getenv("SPV_STOP") or "10")
local bars = os.getenv("SPV_BARS") or "bars.pvp"
local timescale = { baseMax = 0.2, baseMin = 0.05, tauFactor = 0.1, growthFactor = 0.5 }
local function probe(t)
  for k, v in pairs(timescale) do t[k] = t[k] or v end
  return t
end
return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = stop, nbatch = 4, randomSeed = 11,
             outputPath = out, progressInterval = 1000 },
  Input = { groupType = "PvpLayer", nf = 1, inputPath = bars, displayPeriod = 4, normalizeLuminanceFlag = true,
            writeStep = 1 },
  Residual = { groupType = "ANNErrorLayer", nf = 1, phase = 1, writeStep = 1 },
  V1 = { groupType = "HyPerLCALayer", nf = 4, phase = 2, VThresh = 0.15, AMin = 0, AShift = 0, VWidth = 0,
         timeConstantTau = 10, adaptiveTimeScaleProbe = "LogTimeScales", InitVType = "UniformRandomV",
         minV = -0.2, maxV = 0.4, writeStep = 1 },
  InputBins = { groupType = "BinningLayer", nf = 4, phase = 1, originalLayerName = "Input", binMin = -1,
                binMax = 1, delay = 1, writeStep = 1 },
  CodeBackground = { groupType = "BackgroundLayer", nf = 10, phase = 3, originalLayerName = "V1", repFeatureNum = 2,
                     writeStep = 1 },
  InputToResidual = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Residual", channelCode = 0 },
  V1ToResidual = { groupType = "HyPerConn", preLayerName = "V1", postLayerName = "Residual", channelCode = 1,
                   nxp = 3, nyp = 3, weightInitType = "UniformRandomWeight", wMinInit = -0.5, wMaxInit = 0.5,
                   normalizeMethod = "normalizeL2", strength = 1 },
  ResidualToV1 = { groupType = "TransposeConn", preLayerName = "Residual", postLayerName = "V1", channelCode = 0,
                   originalConnName = "V1ToResidual" },
  Energy = { groupType = "ColumnEnergyProbe", probeOutputFile = "energy.txt" },
  InputEnergy = { groupType = "ColumnEnergyProbe", probeOutputFile = "input_energy.txt" },
  ResidualL2 = { groupType = "L2NormProbe", targetLayer = "Residual", exponent = 2, coefficient = 0.5,
                 energyProbe = "Energy", probeOutputFile = "residual_l2.txt" },
  CodeL0 = { groupType = "L0NormLCAProbe", targetLayer = "V1", energyProbe = "Energy",
             probeOutputFile = "code_l0.txt" },
  InputL2 = { groupType = "L2NormProbe", targetLayer = "Input", exponent = 2, coefficient = 0.5,
              energyProbe = "InputEnergy", probeOutputFile = "input_l2.txt" },
  Ratio = { groupType = "QuotientProbe", numerator = "InputEnergy", denominator = "Energy", message = "Ratio",
            probeOutputFile = "ratio.txt" },
  LogTimeScales = probe({ groupType = "LogTimeScaleProbe", targetName = "Energy", logThresh = 0.6, logSlope = 0.5,
                          writeTimeScaleFieldnames = false, probeOutputFile = "log_timescales.txt" }),
  PlainTimeScales = probe({ groupType = "AdaptiveTimeScaleProbe", targetName = "Energy",
                            writeTimeScaleFieldnames = false, probeOutputFile = "plain_timescales.txt" }),
  DefaultLogTimeScales = probe({ groupType = "LogTimeScaleProbe", targetName = "Energy",
                                 writeTimeScaleFieldnames = false, probeOutputFile = "default_log_timescales.txt" }),
}
