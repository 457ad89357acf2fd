#include "lua/pv_module.hpp"

namespace spv {

// Same names and arguments as OpenPV's PVModule, so its params files run unchanged; errors are raised with
// error() (the loader adds the params file's line) instead of printing and exiting.
const char* pv_module_source() {
  return R"lua(
local capture = ...
local PVModule = {}

infinity = math.huge
INFINITY = math.huge

local function fail(fmt, ...)
  error("PVModule." .. string.format(fmt, ...), 0)
end

-- Copies nested tables too; a table that contains itself cannot be copied.
local function copy(value, open)
  if type(value) ~= "table" then return value end
  if open[value] then fail("deepCopy: the table contains itself") end
  open[value] = true
  local result = setmetatable({}, getmetatable(value))
  for k, v in pairs(value) do result[copy(k, open)] = copy(v, open) end
  open[value] = nil
  return result
end

function PVModule.deepCopy(value)
  return copy(value, {})
end

-- Adds a copy of group under name; overrides replace keys the group already has.
function PVModule.addGroup(params, name, group, overrides)
  if type(params) ~= "table" then fail("addGroup: the first argument must be the params table") end
  if name == nil then fail("addGroup: the group needs a name") end
  if type(group) ~= "table" then
    fail("addGroup(%q): the group must be a table, got %s", tostring(name), type(group))
  end
  if params[name] ~= nil then fail("addGroup: a group named %q already exists", tostring(name)) end
  local result = PVModule.deepCopy(group)
  if overrides ~= nil then
    if type(overrides) ~= "table" then fail("addGroup(%q): overrides must be a table", tostring(name)) end
    for k, v in pairs(overrides) do
      if result[k] == nil then
        fail("addGroup(%q): the override of %q names a key the copied group does not have", tostring(name), tostring(k))
      end
      result[k] = PVModule.deepCopy(v)
    end
  end
  params[name] = result
end

function PVModule.addMultiGroups(params, groups)
  if type(params) ~= "table" or type(groups) ~= "table" then fail("addMultiGroups: both arguments must be tables") end
  for name, group in pairs(groups) do PVModule.addGroup(params, name, group) end
end

local function sweep(kind, params, group, key, values)
  if type(group) ~= "string" or type(key) ~= "string" then fail("%s: the group and key must be strings", kind) end
  if type(values) ~= "table" then fail("%s(%q, %q): the values must be a table", kind, group, key) end
  local entry = { groupType = kind }
  for i, v in ipairs(values) do entry[i] = v end
  PVModule.addGroup(params, string.format('"%s":%s', group, key), entry)
end

function PVModule.paramSweep(params, group, key, values)
  sweep("ParameterSweep", params, group, key, values)
end

function PVModule.batchSweep(params, group, key, values)
  sweep("BatchSweep", params, group, key, values)
end

-- OpenPV prints the params here; sparsepv takes the table itself (the last call wins).
function PVModule.printConsole(params)
  if type(params) ~= "table" then fail("printConsole: expected the params table, got %s", type(params)) end
  capture(params)
end

return PVModule
)lua";
}

}  // namespace spv
