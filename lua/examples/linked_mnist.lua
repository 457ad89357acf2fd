-- E3, learning: two dictionaries (handwritten MNIST, printed digits) linked through one 256-neuron LCA code.
-- Data: scripts/fetch_mnist.sh and spv-prepare-mnist (see README.md here); SPV_MNIST_DIR overrides the data dir.
--   sparsepv -p lua/examples/linked_mnist.lua -o output/linked_mnist/learn -t 2
-- SPV_EPOCHS sets the number of passes over the 8,000 training digits (default 1).
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local linked = dofile(here .. "linked_mnist/network.lua")
return linked.build({ learn = true, set = "train", epochs = tonumber(os.getenv("SPV_EPOCHS") or "1") })
