-- E3, ordinal-linked learning: as linked_mnist.lua, plus a third input that drives the 25-neuron block of each
-- image's class during learning only, so that each class owns a block of the code.
--   sparsepv -p lua/examples/linked_mnist_ordinal.lua -o output/linked_mnist/learn_ordinal -t 2
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local linked = dofile(here .. "linked_mnist/network.lua")
return linked.build({ learn = true, ordinal = true, set = "train",
                      epochs = tonumber(os.getenv("SPV_EPOCHS") or "1") })
