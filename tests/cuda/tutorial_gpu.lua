-- The LCA tutorial network (lua/examples/lca_tutorial.lua) with its layers updating and its convolutions
-- delivering on the GPU (run with -d 0); the input layer and its connection stay on the CPU, so the error layer
-- gets input from both sides.
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local t = dofile(here .. "../../lua/examples/lca_tutorial.lua")
for _, name in ipairs({ "InputError", "V1", "InputRecon" }) do t[name].updateGpu = true end
for _, name in ipairs({ "ErrorToV1", "V1ToRecon", "ReconToError" }) do t[name].receiveGpu = true end
return t
