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
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local lib = dofile(here .. "lib/dictionary_learning.lua")
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

  Code = lib.lca_layer({ nf = 3, lambda = VThresh, tau = 6, trigger = "Recording",
                         period = displayPeriod, write = not learn }),
}

lib.connect(net, { input = "Recording", residual = "Residual", code = "Code", dictionary = "CodeToResidual",
                   nxp = taps, nyp = 1 })
lib.energy_probes(net, { trigger = "Recording", residual = "Residual", code = "Code" })
if learn then
  -- Random filters under an envelope centred in the window (spv-init-spike-filters), so each shape is learned
  -- near the centre; OpenPV's random initialisers spread the energy over the whole window.
  lib.read(net.CodeToResidual, os.getenv("SPV_INITIAL_FILTERS") or "output/spikes/initial_filters.pvp")
  -- dWMax *= 0.8 each epoch
  lib.learn(net.CodeToResidual, { trigger = "Recording", dWMax = 0.1, decay_interval = frames, decay_factor = 0.2,
                                  tau = 10, stop = stopTime })
else
  lib.read(net.CodeToResidual, os.getenv("SPV_WEIGHTS") or "output/spikes/learn/CodeToResidual.pvp")
end
return net
