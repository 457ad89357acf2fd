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
  std::string written;
  try {
    written = spv::write_lua_text(doc);
  } catch (const spv::Error&) {
    return 0;
  }
  const auto rewritten =
      spv::fuzz::input_file("rewritten.lua", reinterpret_cast<const std::uint8_t*>(written.data()), written.size());
  spv::ParamDocument again;
  try {
    again = spv::load_lua_params(rewritten.string(), limits());
  } catch (const spv::Error& e) {
    spv::fuzz::invariant_broken(std::string("write_lua_text wrote a file its loader refuses: ") + e.what() + "\n" +
                                written);
  }
  if (const std::string d = spv::fuzz::difference(doc, again); !d.empty())
    spv::fuzz::invariant_broken("the Lua round trip changed the document: " + d);
  return 0;
}
