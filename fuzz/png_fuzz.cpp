// PNG files through read_png (libpng underneath): any input must decode or throw an spv::Error naming the file.
#include <cstddef>
#include <cstdint>

#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "fuzz_support.hpp"

namespace {

// A PNG may legitimately describe an image far larger than its file (deflate packs up to about 1000:1): those whose
// header asks for more than a fuzzer's memory are skipped. The first chunk of a PNG is IHDR: width and height as
// big-endian 32-bit numbers at bytes 16 and 20.
bool fits_in_memory(const std::uint8_t* data, std::size_t size) {
  if (size < 24) return true;
  auto be32 = [&](std::size_t at) {
    return std::uint32_t(data[at]) << 24 | std::uint32_t(data[at + 1]) << 16 | std::uint32_t(data[at + 2]) << 8 |
           std::uint32_t(data[at + 3]);
  };
  // At most 3 channels of 2-byte samples decoded, then 3 floats per pixel.
  return double(be32(16)) * double(be32(20)) * (6.0 + 12.0) <= double(256u << 20);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > spv::fuzz::max_input_bytes || !fits_in_memory(data, size)) return 0;
  const auto path = spv::fuzz::input_file("input.png", data, size);
  try {
    spv::read_png(path);
  } catch (const spv::Error&) {
  }
  return 0;
}
