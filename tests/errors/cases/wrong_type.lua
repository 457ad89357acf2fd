local net = dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./") .. "base.lua")
net.Error.nf = "three"
return net
