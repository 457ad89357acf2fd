// Reads OpenPV's .params syntax (groups `Type "name" = { key = value; };`, #include, @overrides, sweeps) into a
// ParamDocument that keeps the file and line of every group and key.
#pragma once
#include <string>

#include "params/param_group.hpp"

namespace spv {

// Parses text; path names the source in locations and errors. Throws ParamError at file:line on any syntax error,
// duplicate group name or duplicate key.
ParamDocument parse_params_text(const std::string& text, const std::string& path);
// Reads and parses a file; a file that cannot be read is a ParamError naming it.
ParamDocument read_params_file(const std::string& path);

}  // namespace spv
