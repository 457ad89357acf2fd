-- E2, V1-like receptive fields from natural images (Olshausen and Field, convolutionally): whitened grey crops of
-- natural photographs (spv-prepare-natural-images) are coded by 128 convolutional LCA features of 8x8 at stride 2
-- (a 32x32x128 layer for a 64x64 crop), and their dictionary V1ToError is learned with momentum from the code and
-- the residual at the end of each crop, each element at unit L2 norm. With SPV_LEARN = 0 the dictionary is read
-- from SPV_WEIGHTS and the input, residual and code of each crop are written (Input.pvp, Error.pvp, V1.pvp), from
-- which spv-v1-report measures reconstruction PSNR and the share of active neurons.
--   SPV_IMAGES=output/v1/crops.pvp SPV_CROPS=4000 sparsepv -p lua/examples/v1_natural.lua -o output/v1/learn
-- environment: SPV_IMAGES (the crops' PVP), SPV_CROPS (how many to show), SPV_SIZE (crop size, default 64),
-- SPV_LEARN (0: inference), SPV_WEIGHTS (the dictionary for inference).
local learn         = (os.getenv("SPV_LEARN") or "1") ~= "0"
local crops         = tonumber(os.getenv("SPV_CROPS") or "4000")
local size          = tonumber(os.getenv("SPV_SIZE") or "64")
local nbatch        = 4
local displayPeriod = 100     -- LCA steps per crop
local VThresh       = 0.4     -- lambda, for crops at unit s.d.
local stopTime      = displayPeriod * math.ceil(crops / nbatch)

local net = {
  column = {
    groupType         = "HyPerCol",
    dt                = 1,
    stopTime          = stopTime,
    nx                = size,
    ny                = size,
    nbatch            = nbatch,
    outputPath        = "output/v1",
    randomSeed        = 1234567,
    progressInterval  = math.max(displayPeriod, math.floor(stopTime / 20 / displayPeriod) * displayPeriod),
    errorOnNotANumber = true,
  },

  Input = {
    groupType     = "PvpLayer",
    nf            = 1,
    phase         = 0,
    inputPath     = os.getenv("SPV_IMAGES") or "output/v1/crops.pvp",
    displayPeriod = displayPeriod,
    batchMethod   = "byFile",
    writeStep     = learn and -1 or displayPeriod,
    initialWriteTime = displayPeriod,
  },

  Error = {
    groupType        = "HyPerLayer",
    nf               = 1,
    phase            = 1,
    writeStep        = learn and -1 or displayPeriod,
    initialWriteTime = displayPeriod,
  },

  V1 = {
    groupType        = "HyPerLCALayer",
    nxScale          = 0.5,
    nyScale          = 0.5,
    nf               = 128,
    phase            = 2,
    InitVType        = "ZeroV",
    VThresh          = VThresh,
    AShift           = VThresh,
    AMin             = 0,
    AMax             = math.huge,
    VWidth           = 0,
    timeConstantTau  = 40,       -- dt / tau small enough for a 32-times overcomplete code (Euler stays stable)
    selfInteract     = true,
    triggerLayerName = "Input",
    triggerBehavior  = "resetStateOnTrigger",
    sparseLayer      = true,
    writeStep        = learn and -1 or displayPeriod,
    initialWriteTime = displayPeriod,
  },

  InputToError = {
    groupType     = "IdentConn",
    preLayerName  = "Input",
    postLayerName = "Error",
    channelCode   = 0,
  },

  V1ToError = {
    groupType       = "MomentumConn",
    preLayerName    = "V1",
    postLayerName   = "Error",
    channelCode     = 1,
    nxp             = 8,
    nyp             = 8,
    normalizeMethod = "normalizeL2",
    strength        = 1,
  },

  ErrorToV1 = {
    groupType        = "TransposeConn",
    preLayerName     = "Error",
    postLayerName    = "V1",
    channelCode      = 0,
    originalConnName = "V1ToError",
  },

  EnergyProbe = {
    groupType        = "ColumnEnergyProbe",
    probeOutputFile  = "EnergyProbe.txt",
    triggerLayerName = "Input",
    triggerOffset    = 1,
  },
  ErrorL2Probe = {
    groupType        = "L2NormProbe",
    targetLayer      = "Error",
    probeOutputFile  = "ErrorL2Probe.txt",
    energyProbe      = "EnergyProbe",
    coefficient      = 0.5,
    exponent         = 2,
    triggerLayerName = "Input",
    triggerOffset    = 1,
  },
  V1L1Probe = {
    groupType        = "L1NormLCAProbe",
    targetLayer      = "V1",
    probeOutputFile  = "V1L1Probe.txt",
    energyProbe      = "EnergyProbe",
    triggerLayerName = "Input",
    triggerOffset    = 1,
  },
}

local dict = net.V1ToError
if learn then
  dict.weightInitType     = "UniformRandomWeight"
  dict.wMinInit           = -1
  dict.wMaxInit           = 1
  dict.plasticityFlag     = true
  dict.triggerLayerName   = "Input"
  dict.triggerOffset      = 1     -- learn at the last step of each crop, from its converged code and residual
  dict.dWMax              = 0.2
  dict.dWMaxDecayInterval = math.max(1, math.floor(stopTime / displayPeriod / 8))
  dict.dWMaxDecayFactor   = 0.2   -- dWMax *= 0.8 eight times over the run
  dict.momentumMethod     = "viscosity"
  dict.timeConstantTau    = 10
  dict.normalizeOnWeightUpdate = true
  dict.writeStep          = stopTime
  dict.initialWriteTime   = stopTime   -- the learned dictionary only (FileWeight reads frame 0)
else
  dict.weightInitType  = "FileWeight"
  dict.initWeightsFile = os.getenv("SPV_WEIGHTS") or "output/v1/learn/V1ToError.pvp"
end
return net
