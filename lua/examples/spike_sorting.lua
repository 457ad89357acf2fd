-- E5, spike sorting as 1-D convolutional dictionary learning (Ba): a one-channel recording y = sum_c h_c * x_c +
-- noise, cut into frames of 1,024 samples (a 1-D layer, ny = 1), is coded by 3 LCA features at every sample; their
-- filters (CodeToResidual, 3 kernels of 61 taps = 6.1 ms) are learned with momentum from the code and residual at
-- the end of each frame, kept at unit L2 norm. Learning runs in two stages from random filters centred in the
-- window (spv-init-spike-filters): "coarse" (lambda 0.3: every filter takes part, so no filter is left unused while
-- one filter serves two similar units) and "fine" (lambda 0.8, from the coarse stage's filters). With SPV_LEARN = 0
-- the filters are read from SPV_WEIGHTS and the code of each frame is written (Code.pvp), from which
-- spv-spike-report reads the spike times. lua/examples/run_spikes.sh runs all of it.
--   SPV_RECORDING=output/spikes/recording.pvp SPV_FRAMES=292 sparsepv -p lua/examples/spike_sorting.lua -o DIR
-- environment: SPV_RECORDING (the PVP of frames), SPV_FRAMES (how many it holds), SPV_FRAME_SAMPLES (nx, default
-- 1024), SPV_STAGE (coarse or fine, default fine), SPV_EPOCHS (passes over the frames while learning, default 8),
-- SPV_INITIAL_FILTERS (the weight file learning starts from), SPV_LEARN (0: inference), SPV_WEIGHTS (its filters).
local learn         = (os.getenv("SPV_LEARN") or "1") ~= "0"
local stage         = os.getenv("SPV_STAGE") or "fine"
assert(stage == "coarse" or stage == "fine", "SPV_STAGE must be coarse or fine, not " .. stage)
local frames        = tonumber(os.getenv("SPV_FRAMES") or "292")
local epochs        = learn and tonumber(os.getenv("SPV_EPOCHS") or "8") or 1
local nx            = tonumber(os.getenv("SPV_FRAME_SAMPLES") or "1024")
local displayPeriod = 150     -- LCA steps per frame (25 time constants: the code has converged)
-- lambda, against a noise s.d. of 0.1 per unit-norm filter response and spike norms of 1.9 to 3.4
local VThresh       = stage == "coarse" and 0.3 or 0.8
local taps          = 61      -- filter length, longer than a spike (40 samples): room for where it is learned
local stopTime      = displayPeriod * frames * epochs

local net = {
  column = {
    groupType         = "HyPerCol",
    dt                = 1,
    stopTime          = stopTime,
    nx                = nx,
    ny                = 1,
    nbatch            = 1,
    outputPath        = "output/spikes",
    randomSeed        = 20240611,
    progressInterval  = math.max(displayPeriod, math.floor(stopTime / 20 / displayPeriod) * displayPeriod),
    errorOnNotANumber = true,
  },

  Recording = {
    groupType     = "PvpLayer",
    nf            = 1,
    phase         = 0,
    inputPath     = os.getenv("SPV_RECORDING") or "output/spikes/recording.pvp",
    displayPeriod = displayPeriod,
    writeStep     = -1,
  },

  Residual = {
    groupType = "HyPerLayer",
    nf        = 1,
    phase     = 1,
    writeStep = -1,
  },

  Code = {
    groupType        = "HyPerLCALayer",
    nf               = 3,
    phase            = 2,
    InitVType        = "ZeroV",
    VThresh          = VThresh,
    AShift           = VThresh,
    AMin             = 0,
    AMax             = math.huge,
    VWidth           = 0,
    timeConstantTau  = 6,
    selfInteract     = true,
    triggerLayerName = "Recording",
    triggerBehavior  = "resetStateOnTrigger",
    sparseLayer      = true,
    writeStep        = learn and -1 or displayPeriod,
    initialWriteTime = displayPeriod,
  },

  RecordingToResidual = {
    groupType     = "IdentConn",
    preLayerName  = "Recording",
    postLayerName = "Residual",
    channelCode   = 0,
  },

  CodeToResidual = {
    groupType       = "MomentumConn",
    preLayerName    = "Code",
    postLayerName   = "Residual",
    channelCode     = 1,
    nxp             = taps,
    nyp             = 1,
    normalizeMethod = "normalizeL2",
    strength        = 1,
  },

  ResidualToCode = {
    groupType        = "TransposeConn",
    preLayerName     = "Residual",
    postLayerName    = "Code",
    channelCode      = 0,
    originalConnName = "CodeToResidual",
  },

  EnergyProbe = {
    groupType        = "ColumnEnergyProbe",
    probeOutputFile  = "EnergyProbe.txt",
    triggerLayerName = "Recording",
    triggerOffset    = 1,
  },
  ResidualL2Probe = {
    groupType        = "L2NormProbe",
    targetLayer      = "Residual",
    probeOutputFile  = "ResidualL2Probe.txt",
    energyProbe      = "EnergyProbe",
    coefficient      = 0.5,
    exponent         = 2,
    triggerLayerName = "Recording",
    triggerOffset    = 1,
  },
  CodeL1Probe = {
    groupType        = "L1NormLCAProbe",
    targetLayer      = "Code",
    probeOutputFile  = "CodeL1Probe.txt",
    energyProbe      = "EnergyProbe",
    triggerLayerName = "Recording",
    triggerOffset    = 1,
  },
}

local dict = net.CodeToResidual
if learn then
  -- Random filters under an envelope centred in the window (spv-init-spike-filters), so each shape is learned
  -- near the centre; OpenPV's random initialisers spread the energy over the whole window.
  dict.weightInitType     = "FileWeight"
  dict.initWeightsFile    = os.getenv("SPV_INITIAL_FILTERS") or "output/spikes/initial_filters.pvp"
  dict.plasticityFlag     = true
  dict.triggerLayerName   = "Recording"
  dict.triggerOffset      = 1     -- learn at the last step of each frame, from its converged code and residual
  dict.dWMax              = 0.1
  dict.dWMaxDecayInterval = frames
  dict.dWMaxDecayFactor   = 0.2   -- each epoch dWMax *= 0.8
  dict.momentumMethod     = "viscosity"
  dict.timeConstantTau    = 10
  dict.normalizeOnWeightUpdate = true
  dict.writeStep          = stopTime
  dict.initialWriteTime   = stopTime   -- the learned filters only (FileWeight reads frame 0)
else
  dict.weightInitType  = "FileWeight"
  dict.initWeightsFile = os.getenv("SPV_WEIGHTS") or "output/spikes/learn/CodeToResidual.pvp"
end
return net
