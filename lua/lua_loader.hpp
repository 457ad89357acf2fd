// Runs a Lua params file and turns the table of groups it returns (or gives to pv.printConsole) into a ParamDocument.
#pragma once
#include <string>

#include "params/param_group.hpp"

namespace spv {

// Groups are ordered by the line where they are written (then by name), so the document does not depend on Lua's
// table order. Lua syntax and runtime errors, and values that are not parameters, are ParamErrors at file:line.
ParamDocument load_lua_params(const std::string& path);

}  // namespace spv
