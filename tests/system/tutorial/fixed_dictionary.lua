-- The tutorial network as run under OpenPV for the golden energies (openpv_energy.txt): the dictionary is read from
-- dictionary.pvp instead of drawn at random (the two simulators' random generators differ), and the error and
-- reconstruction layers start at V = 0 explicitly (OpenPV's HyPerLayer default is ConstantV with valueV = -70,
-- which InputError reads from InputRecon at the first step; sparsepv's default is ZeroV).
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local net = dofile(here .. "../../../lua/examples/lca_tutorial.lua")
local dict = net.V1ToInputError
dict.weightInitType = "FileWeight"
dict.initWeightsFile = here .. "dictionary.pvp"
dict.wMinInit, dict.wMaxInit, dict.sparseFraction = nil, nil, nil
net.InputError.InitVType = "ZeroV"
net.InputRecon.InitVType = "ZeroV"
return net
