// Lua params files: load_lua_params must accept the input or refuse it with a ParamError; what it accepts,
// write_lua_text writes (or refuses) and what it writes loads back into the same document. The file runs sandboxed
// and bounded in memory and instructions, as it is a program.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "lua/lua_loader.hpp"
#include "param_compare.hpp"
#include "params/params_writer.hpp"

namespace {

spv::LuaLimits limits() {
  spv::LuaLimits l;
  l.memory_bytes = 64u << 20;
  l.instructions = 2'000'000;
  l.sandbox = true;
  return l;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > spv::fuzz::max_input_bytes) return 0;
  const auto path = spv::fuzz::input_file("params.lua", data, size);
  spv::ParamDocument doc;
  try {
    doc = spv::load_lua_params(path.string(), limits());
  } catch (const spv::Error&) {
    return 0;
  }
  spv::fuzz::check_round_trip(
      doc, [](const spv::ParamDocument& d) { return spv::write_lua_text(d); },
      [](const std::string& text) {
        const auto path =
            spv::fuzz::input_file("rewritten.lua", reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
        return spv::load_lua_params(path.string(), limits());
      },
      "Lua");
  return 0;
}
