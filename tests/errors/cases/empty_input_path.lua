local net = dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./") .. "base.lua")
net.Input = { groupType = "ImageLayer", nf = 1, phase = 0, inputPath = "", displayPeriod = 5 }
return net
