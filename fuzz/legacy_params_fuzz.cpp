// OpenPV .params text: parse_params_text must accept the input or refuse it with a ParamError; what it accepts,
// write_params_text writes (or refuses) and what it writes reads back into the same document.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "param_compare.hpp"
#include "params/legacy_params_parser.hpp"
#include "params/params_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > spv::fuzz::max_input_bytes) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  spv::ParamDocument doc;
  try {
    doc = spv::parse_params_text(text, "fuzz.params");
  } catch (const spv::Error&) {
    return 0;
  }
  std::string written;
  try {
    written = spv::write_params_text(doc);
  } catch (const spv::Error&) {
    return 0;  // a document the .params syntax cannot hold (e.g. a Lua-only key) is refused by name
  }
  spv::ParamDocument again;
  try {
    again = spv::parse_params_text(written, "rewritten.params");
  } catch (const spv::Error& e) {
    spv::fuzz::invariant_broken(std::string("write_params_text wrote text its parser refuses: ") + e.what() + "\n" +
                                written);
  }
  if (const std::string d = spv::fuzz::difference(doc, again); !d.empty())
    spv::fuzz::invariant_broken("the .params round trip changed the document: " + d);
  return 0;
}
