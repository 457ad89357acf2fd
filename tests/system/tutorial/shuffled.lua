-- The tutorial network with its groups returned as an array in a scrambled order (sorted by reversed name), to
-- show that group order in the file does not change any result.
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local net = dofile(here .. "../../../lua/examples/lca_tutorial.lua")
local groups = {}
for name, group in pairs(net) do
  group.name = name
  groups[#groups + 1] = group
end
table.sort(groups, function(a, b) return a.name:reverse() < b.name:reverse() end)
return groups
