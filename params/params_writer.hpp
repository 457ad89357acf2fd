// Writes a ParamDocument as text in either params syntax (OpenPV's .params, or a Lua file that returns the groups).
#pragma once
#include <string>

#include "params/param_group.hpp"

namespace spv {

// OpenPV .params syntax; reads back through parse_params_text into an equal document.
std::string write_params_text(const ParamDocument& doc);
// A Lua chunk returning an array of groups; reads back through load_lua_params into an equal document.
std::string write_lua_text(const ParamDocument& doc);

}  // namespace spv
