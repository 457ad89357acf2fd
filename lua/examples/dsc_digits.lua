-- E4, deep sparse coding of MNIST digits and their names (Kim, Hannan, Kenyon 2018): vision 3 LCA layers, text 2,
-- a joint layer of 512 neurons linked to both streams; each layer hands its membrane potential V up, and the
-- residual of the layer above is fed back into its dynamics. Wiring, settings and commands: README.md here.
-- Data: spv-prepare-dsc-digits (run_dsc_digits.sh does it all):
--   sparsepv -p lua/examples/dsc_digits.lua -o output/dsc/learn -t 2                       # learn
--   SPV_DSC_MODE=vision SPV_DSC_WEIGHTS=output/dsc/learn sparsepv -p lua/examples/dsc_digits.lua -o DIR
--
-- Settings: each variable below, or the environment variable named beside it.
local function setting(var, default)
  local v = os.getenv(var)
  if v == nil or v == "" then return default end
  if type(default) == "boolean" then return v ~= "0" and v ~= "false" end
  if type(default) == "number" then return tonumber(v) end
  return v
end
local feedback = setting("SPV_DSC_FEEDBACK", true)   -- top-down feedback on (1) or off (0: the ablation)
local mode     = setting("SPV_DSC_MODE", "learn")    -- learn | both | vision | text | flip (inference modes)
local small    = setting("SPV_DSC_SMALL", false)     -- the sanity-reference network (2+2 layers, 256 joint, 64x16)
local data     = setting("SPV_DSC_DATA", nil)        -- spv-prepare-dsc-digits output folder
local weights  = setting("SPV_DSC_WEIGHTS", "output/dsc_digits/learn")  -- learned *Dict.pvp (inference)
local set      = setting("SPV_DSC_SET", nil)         -- pairs of "train" or "test" (default: train to learn, else test)
local pairs    = setting("SPV_DSC_PAIRS", nil)       -- pairs to run (default: 8,000 to learn, 2,000 to infer)
local epochs   = setting("SPV_DSC_EPOCHS", 1)        -- passes over the pairs when learning
local steps    = setting("SPV_DSC_STEPS", nil)       -- LCA steps per pair (default 400; small: 100)
local nbatch   = setting("SPV_DSC_NBATCH", 16)       -- pairs coded at once
local lambda   = setting("SPV_DSC_LAMBDA", 0.05)     -- every LCA layer's threshold (VThresh = AShift)
local joint_lambda = setting("SPV_DSC_JOINT_LAMBDA", 1)  -- the joint layer's threshold as a multiple of lambda
local joint_norm = setting("SPV_DSC_JOINT_NORM", "group")  -- joint dictionaries normalised together (group) or apart
local generation = setting("SPV_DSC_GENERATION", "linear")  -- missing stream's layers: linear | rectified | threshold

local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
data = data or (here .. "../../data-cache/" .. (small and "dsc-digits-small" or "dsc-digits"))
local dsc = dofile(here .. "dsc_digits/network.lua")
return dsc.build({ mode = mode, feedback = feedback, small = small, data = data, weights = weights, set = set,
                   pairs = pairs and tonumber(pairs), epochs = epochs, steps = steps and tonumber(steps),
                   nbatch = nbatch, lambda = lambda, generation = generation,
                   joint_norm = joint_norm, joint_lambda = joint_lambda })
