-- Bars, the sanity check of dictionary learning: 16x16 images, each a random superposition of
-- the 32 horizontal and vertical bars, are coded by 64 LCA neurons that each see the whole image; their dictionary
-- (V1ToError, 64 elements of 16x16) is learned with momentum from the code and residual at the end of each image,
-- kept non-negative and at unit L2 norm, with a learning rate that decays. Every bar should end up as a learned
-- element (spv-check-bars: cosine >= 0.95). Writes the dictionary at the start and the end, and the energy
-- 1/2 |residual|^2 + VThresh |code|_1 at the end of each image.
--   spv-make-bars --count 2000 --out output/bars/bars.pvp
--   sparsepv -p lua/examples/bars.lua -o output/bars
--   spv-check-bars output/bars/V1ToError.pvp

local displayPeriod = 40      -- LCA steps per image
local numImages     = 2000    -- images learned from (the data file needs at least this many)
local VThresh       = 0.5     -- soft threshold (lambda) of the code
local nbatch        = 1       -- images per update (dW is averaged over them: normalizeDw)
local stopTime      = displayPeriod * numImages / nbatch

return {
  column = {
    groupType         = "HyPerCol",
    dt                = 1,
    stopTime          = stopTime,
    nx                = 16,
    ny                = 16,
    nbatch            = nbatch,
    outputPath        = "output/bars",
    randomSeed        = 1234567,
    progressInterval  = displayPeriod * 500,
    errorOnNotANumber = true,
  },

  Input = {
    groupType     = "PvpLayer",
    nf            = 1,
    phase         = 0,
    inputPath     = "output/bars/bars.pvp",
    displayPeriod = displayPeriod,
    writeStep     = -1,
  },

  Error = {
    groupType = "HyPerLayer",
    nf        = 1,
    phase     = 1,
    writeStep = -1,
  },

  V1 = {
    groupType       = "HyPerLCALayer",
    nxScale         = 1 / 16,
    nyScale         = 1 / 16,
    nf              = 64,
    phase           = 2,
    InitVType       = "ZeroV",
    VThresh         = VThresh,
    AMin            = 0,
    AMax            = math.huge,
    AShift          = VThresh,
    VWidth          = 0,
    timeConstantTau = 5,
    selfInteract    = true,
    writeStep       = -1,
  },

  InputToError = {
    groupType     = "IdentConn",
    preLayerName  = "Input",
    postLayerName = "Error",
    channelCode   = 0,
  },

  V1ToError = {
    groupType                 = "MomentumConn",
    preLayerName              = "V1",
    postLayerName             = "Error",
    channelCode               = 1,
    nxp                       = 16,
    nyp                       = 16,
    weightInitType            = "UniformRandomWeight",
    wMinInit                  = 0,
    wMaxInit                  = 1,
    normalizeMethod           = "normalizeL2",
    strength                  = 1,
    nonnegativeConstraintFlag = true,
    plasticityFlag            = true,
    triggerLayerName          = "Input",
    triggerOffset             = 1,     -- learn at the last step of each image, from its converged code and residual
    dWMax                     = 0.05,
    dWMaxDecayInterval        = 100,   -- every ~100 updates dWMax *= 0.85: fast at first, then clean elements
    dWMaxDecayFactor          = 0.15,
    momentumMethod            = "viscosity",
    timeConstantTau           = 5,
    writeStep                 = stopTime,
    initialWriteTime          = 0,
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
