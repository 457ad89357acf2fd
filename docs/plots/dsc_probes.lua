-- The small DSC network (lua/examples/dsc_digits.lua, SPV_DSC_SMALL=1) with probes added for spv-plot's pictures:
-- one energy per stream (1/2 |residual|^2 + lambda |code|_1 of each level) and each LCA layer's L0 norm, written at
-- the last step of each pair (the converged code). Settings come from the same SPV_DSC_* variables (make_plots.sh).
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local net = dofile(here .. "../../lua/examples/dsc_digits.lua")
local at_end = { triggerLayerName = "Vision", triggerOffset = 1 }
local function probe(t)
  t.triggerLayerName, t.triggerOffset = at_end.triggerLayerName, at_end.triggerOffset
  return t
end
local streams = {
  VisionEnergy = { { "VisionError", "Vision1" }, { "Vision2Error", "Vision2" } },
  TextEnergy = { { "TextError", "Text1" }, { "Text2Error", "Text2" } },
  JointEnergy = { { "JointVisionError", "Joint" }, { "JointTextError", nil } },
}
for energy, levels in pairs(streams) do
  net[energy] = probe({ groupType = "ColumnEnergyProbe", probeOutputFile = energy .. ".txt" })
  for _, level in ipairs(levels) do
    local err, code = level[1], level[2]
    net[err .. "L2"] = probe({ groupType = "L2NormProbe", targetLayer = err, energyProbe = energy, coefficient = 0.5,
                               exponent = 2, probeOutputFile = err .. "L2.txt" })
    if code then
      net[code .. "L1"] = probe({ groupType = "L1NormLCAProbe", targetLayer = code, energyProbe = energy,
                                  probeOutputFile = code .. "L1.txt" })
    end
  end
end
for _, layer in ipairs({ "Vision1", "Vision2", "Text1", "Text2" }) do
  net[layer .. "L0"] = probe({ groupType = "L0NormProbe", targetLayer = layer, probeOutputFile = layer .. "L0.txt" })
end
return net
