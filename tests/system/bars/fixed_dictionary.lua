-- The bars network as run under OpenPV for the golden values (openpv_golden.txt): the initial dictionary is read from
-- dictionary.pvp instead of drawn at random (the two simulators' random generators differ), and the seed is raised to
-- 12345678 because OpenPV refuses seeds below 10,000,000 (nothing here draws random numbers once the dictionary is
-- read, so sparsepv's results do not change). The caller sets Input.inputPath to the spv-make-bars data.
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local net = dofile(here .. "../../../lua/examples/bars.lua")
local dict = net.V1ToError
dict.weightInitType = "FileWeight"
dict.initWeightsFile = here .. "dictionary.pvp"
dict.wMinInit, dict.wMaxInit = nil, nil
net.column.randomSeed = 12345678
return net
