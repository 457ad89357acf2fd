local net = dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./") .. "base.lua")
net.Input = { groupType = "ImageLayer", nf = 1, phase = 0, inputPath = string.rep("d", 5000) .. ".png",
              displayPeriod = 5 }
return net
