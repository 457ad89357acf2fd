local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local net = dofile(here .. "base.lua")
net.Input = { groupType = "ImageLayer", nf = 1, phase = 0, inputPath = here .. "not_a_png.expect", displayPeriod = 5 }
return net
