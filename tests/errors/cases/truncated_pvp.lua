local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local net = dofile(here .. "base.lua")
net.V1ToError.weightInitType = "FileWeight"
net.V1ToError.initWeightsFile = here .. "truncated_weights.pvp"
return net
