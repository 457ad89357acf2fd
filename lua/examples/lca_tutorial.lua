-- OpenPV's LCA tutorial network: a 32x32x3 image is coded by 128 convolutional features of
-- 8x8x3 at stride 2 (16x16x128 = 32,768 LCA neurons) with a soft threshold, adaptive timescales and 400 steps per
-- image. Writes the energy, the code's nnz and L1, the residual's L2 and the reconstruction.
--   sparsepv -p lua/examples/lca_tutorial.lua -o output/lca_tutorial
-- The dictionary is random and fixed here (plasticityFlag = false: this shows inference); load a learned one with
-- weightInitType = "FileWeight" and initWeightsFile = "<an OpenPV or sparsepv weight .pvp>", or let it learn with
-- plasticityFlag = true (lua/examples/bars.lua learns a dictionary this way).

local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"

local displayPeriod = 400
local numImages     = 1
local VThresh       = 0.55

return {
  column = {
    groupType          = "HyPerCol",
    dt                 = 1,
    stopTime           = displayPeriod * numImages,
    nx                 = 32,
    ny                 = 32,
    nbatch             = 1,
    outputPath         = "output/lca_tutorial",
    randomSeed         = 1234567890,
    progressInterval   = 100,
    errorOnNotANumber  = true,
  },

  Input = {
    groupType              = "ImageLayer",
    nf                     = 3,
    phase                  = 0,
    inputPath              = here .. "data/tutorial_32x32.png",
    displayPeriod          = displayPeriod,
    normalizeLuminanceFlag = true,
    normalizeStdDev        = true,
    mirrorBCflag           = true,
    writeStep              = displayPeriod,
    initialWriteTime       = 0,
  },

  InputError = {
    groupType        = "HyPerLayer",
    nf               = 3,
    phase            = 1,
    writeStep        = displayPeriod,
    initialWriteTime = displayPeriod,
  },

  V1 = {
    groupType              = "HyPerLCALayer",
    nxScale                = 0.5,
    nyScale                = 0.5,
    nf                     = 128,
    phase                  = 2,
    InitVType              = "ConstantV",
    valueV                 = VThresh,
    VThresh                = VThresh,
    AMin                   = 0,
    AMax                   = math.huge,
    AShift                 = VThresh,
    VWidth                 = 0,
    timeConstantTau        = 100,
    selfInteract           = true,
    adaptiveTimeScaleProbe = "AdaptiveTimeScales",
    sparseLayer            = true,
    writeStep              = displayPeriod,
    initialWriteTime       = displayPeriod,
  },

  InputRecon = {
    groupType        = "HyPerLayer",
    nf               = 3,
    phase            = 3,
    writeStep        = displayPeriod,
    initialWriteTime = displayPeriod,
  },

  InputToError = {
    groupType     = "RescaleConn",
    preLayerName  = "Input",
    postLayerName = "InputError",
    channelCode   = 0,
    scale         = 1,
  },

  V1ToInputError = {
    groupType                   = "HyPerConn",
    preLayerName                = "V1",
    postLayerName               = "InputError",
    channelCode                 = -1,
    nxp                         = 8,
    nyp                         = 8,
    sharedWeights               = true,
    weightInitType              = "UniformRandomWeight",
    wMinInit                    = -1,
    wMaxInit                    = 1,
    sparseFraction              = 0.9,
    normalizeMethod             = "normalizeL2",
    strength                    = 1,
    normalizeOnInitialize       = true,
    plasticityFlag              = false,
    writeStep                   = -1,
  },

  ErrorToV1 = {
    groupType                     = "TransposeConn",
    preLayerName                  = "InputError",
    postLayerName                 = "V1",
    channelCode                   = 0,
    originalConnName              = "V1ToInputError",
    updateGSynFromPostPerspective = true,
  },

  V1ToRecon = {
    groupType        = "CloneConn",
    preLayerName     = "V1",
    postLayerName    = "InputRecon",
    channelCode      = 0,
    originalConnName = "V1ToInputError",
  },

  ReconToError = {
    groupType     = "IdentConn",
    preLayerName  = "InputRecon",
    postLayerName = "InputError",
    channelCode   = 1,
  },

  AdaptiveTimeScales = {
    groupType        = "KneeTimeScaleProbe",
    targetName       = "V1EnergyProbe",
    probeOutputFile  = "AdaptiveTimeScales.txt",
    triggerLayerName = "Input",
    triggerOffset    = 0,
    baseMax          = 0.06,
    baseMin          = 0.05,
    tauFactor        = 0.03,
    growthFactor     = 0.025,
    kneeThresh       = 3.4,
    kneeSlope        = 0.01,
    writeTimeScaleFieldnames = false,
  },

  V1EnergyProbe = {
    groupType       = "ColumnEnergyProbe",
    probeOutputFile = "V1EnergyProbe.txt",
  },

  InputErrorL2NormEnergyProbe = {
    groupType       = "L2NormProbe",
    targetLayer     = "InputError",
    probeOutputFile = "InputErrorL2NormEnergyProbe.txt",
    energyProbe     = "V1EnergyProbe",
    coefficient     = 0.5,
    exponent        = 2,
  },

  V1L1NormEnergyProbe = {
    groupType       = "L1NormLCAProbe",
    targetLayer     = "V1",
    probeOutputFile = "V1L1NormEnergyProbe.txt",
    energyProbe     = "V1EnergyProbe",
  },

  V1L0NormProbe = {
    groupType       = "L0NormProbe",
    targetLayer     = "V1",
    probeOutputFile = "V1L0NormProbe.txt",
    nnzThreshold    = 0,
  },
}
