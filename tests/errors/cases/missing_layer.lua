local net = dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./") .. "base.lua")
net.InputToError.preLayerName = "Inptu"
return net
