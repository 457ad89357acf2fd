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
  spv::fuzz::check_round_trip(
      doc, [](const spv::ParamDocument& d) { return spv::write_params_text(d); },
      [](const std::string& text) { return spv::parse_params_text(text, "rewritten.params"); }, ".params");
  return 0;
}
