local net = dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./") .. "base.lua")
os.exit(0)
return net
