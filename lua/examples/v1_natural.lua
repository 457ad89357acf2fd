-- E2, V1-like receptive fields from natural images (Olshausen and Field, convolutionally): whitened grey crops of
-- natural photographs (spv-prepare-natural-images) are coded by 128 convolutional LCA features of 8x8 at stride 2
-- (a 32x32x128 layer for a 64x64 crop), and their dictionary V1ToError is learned with momentum from the code and
-- the residual at the end of each crop, each element at unit L2 norm. With SPV_LEARN = 0 the dictionary is read
-- from SPV_WEIGHTS and the input, residual and code of each crop are written (Input.pvp, Error.pvp, V1.pvp), from
-- which spv-v1-report measures reconstruction PSNR and the share of active neurons.
--   SPV_IMAGES=output/v1/crops.pvp SPV_CROPS=4000 sparsepv -p lua/examples/v1_natural.lua -o output/v1/learn
-- environment: SPV_IMAGES (the crops' PVP), SPV_CROPS (how many to show), SPV_SIZE (crop size, default 64),
-- SPV_LEARN (0: inference), SPV_WEIGHTS (the dictionary for inference).
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local lib = dofile(here .. "lib/dictionary_learning.lua")
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

  -- tau 40: dt / tau small enough for a 32-times overcomplete code (the Euler step stays stable)
  V1 = lib.lca_layer({ scale = 0.5, nf = 128, lambda = VThresh, tau = 40, trigger = "Input",
                       period = displayPeriod, write = not learn }),
}

lib.connect(net, { input = "Input", residual = "Error", code = "V1", dictionary = "V1ToError", nxp = 8, nyp = 8 })
lib.energy_probes(net, { trigger = "Input", residual = "Error", code = "V1" })
if learn then
  net.V1ToError.weightInitType = "UniformRandomWeight"
  net.V1ToError.wMinInit       = -1
  net.V1ToError.wMaxInit       = 1
  -- dWMax *= 0.8 eight times over the run
  lib.learn(net.V1ToError, { trigger = "Input", dWMax = 0.2, decay_factor = 0.2, tau = 10, stop = stopTime,
                             decay_interval = math.max(1, math.floor(stopTime / displayPeriod / 8)) })
else
  lib.read(net.V1ToError, os.getenv("SPV_WEIGHTS") or "output/v1/learn/V1ToError.pvp")
end
return net
