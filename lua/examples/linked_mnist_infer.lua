-- E3, inference from the handwritten digit alone with learned dictionaries: writes the codes (Code.pvp, one frame
-- per image) and the printed digit reconstructed from them (PrintedRecon.pvp).
--   SPV_WEIGHTS=output/linked_mnist/learn SPV_SET=test sparsepv -p lua/examples/linked_mnist_infer.lua -o DIR
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local linked = dofile(here .. "linked_mnist/network.lua")
return linked.build({ learn = false, set = os.getenv("SPV_SET") or "test",
                      weights = os.getenv("SPV_WEIGHTS") or "output/linked_mnist/learn",
                      modalities = { handwritten = true, printed = false } })
