// Reads a params file of either syntax, chosen by its extension: .lua is Lua, anything else OpenPV's .params text.
#pragma once
#include <string>

#include "params/param_group.hpp"

namespace spv {

ParamDocument load_params_file(const std::string& path);

}  // namespace spv
