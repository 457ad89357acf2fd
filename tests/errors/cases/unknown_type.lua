local net = dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./") .. "base.lua")
net.V1.groupType = "HyPerLCALayr"
return net
