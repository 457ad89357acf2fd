// The Lua source of the built-in PVModule that OpenPV-style params files `require`.
#pragma once

namespace spv {

// A Lua chunk called with one argument, the function that receives the table given to printConsole; it returns
// the module table.
const char* pv_module_source();

}  // namespace spv
