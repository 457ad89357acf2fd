-- The same sweep written with OpenPV's PVModule: two runs, the input's constant value swept.
local pv = require "PVModule"
local params = {
  column = { groupType = "HyPerCol", nx = 4, ny = 4, dt = 1, stopTime = 2, outputPath = "out", checkpointWrite = false },
  Input = { groupType = "ConstantLayer", nf = 1, InitVType = "ConstantV", valueV = 0 },
  InputNorm = { groupType = "L1NormProbe", targetLayer = "Input", probeOutputFile = "InputNorm.txt" },
}
pv.paramSweep(params, "Input", "valueV", { 0.5, 2 })
pv.printConsole(params)
