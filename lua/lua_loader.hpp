// Runs a Lua params file and turns the table of groups it returns (or gives to pv.printConsole) into a ParamDocument.
#pragma once
#include <cstddef>
#include <string>

#include "params/param_group.hpp"

namespace spv {

// Groups are ordered by the line where they are written (then by name), so the document does not depend on Lua's
// table order. Lua syntax and runtime errors, and values that are not parameters, are ParamErrors at file:line.
ParamDocument load_lua_params(const std::string& path);

// Bounds for running a params file that nobody vouches for (the fuzzer): a params file is a program, so without them
// it may loop, allocate or touch the file system at will. Exceeding a bound is a ParamError at file:line.
struct LuaLimits {
  std::size_t memory_bytes = 0;  // Lua's heap while the file runs; 0: unbounded
  long instructions = 0;         // Lua VM instructions (counted in steps of 1000); 0: unbounded
  bool sandbox = false;          // no os, io, debug, dofile, loadfile, load of binary chunks, require beyond PVModule
};
ParamDocument load_lua_params(const std::string& path, const LuaLimits& limits);

}  // namespace spv
