-- A learning MomentumConn (system_momentum_continue): bars images, one per step, reach Output through a 3x3
-- dictionary that learns every 2 steps with simple momentum; the weights and the previous dW (Conn.prevDelta.pvp)
-- are written every step. SPV_FROM (a run directory) and SPV_FRAME continue such a run from its written frame
-- SPV_FRAME: the weights and previous dW read from its files, the input starting at that frame.
local out = os.getenv("SPV_OUT") or "output/momentum_continue"
local stop = tonumber(os.getenv("SPV_STOP") or "20")
local from, frame = os.getenv("SPV_FROM"), tonumber(os.getenv("SPV_FRAME") or "0")
local net = {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = stop, randomSeed = 5, outputPath = out,
             progressInterval = 1000 },
  Input = { groupType = "PvpLayer", nf = 1, inputPath = os.getenv("SPV_BARS") or "bars.pvp", displayPeriod = 1,
            writeStep = -1 },
  Output = { groupType = "HyPerLayer", nf = 2, phase = 1, writeStep = 1 },
  Conn = { groupType = "MomentumConn", preLayerName = "Input", postLayerName = "Output", channelCode = 0, nxp = 3,
           nyp = 3, weightInitType = "UniformRandomWeight", wMinInit = -0.1, wMaxInit = 0.1, normalizeMethod = "none",
           plasticityFlag = true, weightUpdatePeriod = 2, initialWeightUpdateTime = 0, dWMax = 0.05,
           momentumMethod = "simple", timeConstantTau = 0.5, momentumDecay = 0, writeStep = 1 },
}
if from then
  net.Input.start_frame_index = { frame }
  net.Conn.weightInitType = "FileWeight"
  net.Conn.initWeightsFile = from .. "/Conn.pvp"
  net.Conn.frameNumber = frame
  net.Conn.initPrev_dWFile = from .. "/Conn.prevDelta.pvp"
  net.Conn.prev_dWFrameNumber = frame
end
return net
