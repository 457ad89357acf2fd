// PNG files through read_png (libpng underneath): any input must decode or throw an spv::Error naming the file.
#include <cstddef>
#include <cstdint>

#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "fuzz_support.hpp"

namespace {

// A PNG may legitimately describe an image far larger than its file (deflate packs up to 1032:1): those that could
// be valid and whose decoding needs more than a fuzzer's memory are skipped. Larger claims than the file can hold
// must be refused by read_png before it allocates. The first chunk of a PNG is IHDR: width and height as big-endian
// 32-bit numbers at bytes 16 and 20.
bool worth_reading(const std::uint8_t* data, std::size_t size) {
  if (size < 24) return true;
  auto be32 = [&](std::size_t at) {
    return std::uint32_t(data[at]) << 24 | std::uint32_t(data[at + 1]) << 16 | std::uint32_t(data[at + 2]) << 8 |
           std::uint32_t(data[at + 3]);
  };
  const double pixels = double(be32(16)) * double(be32(20));
  const bool fits_in_memory = pixels * (6.0 + 12.0) <= double(256u << 20);  // 3 channels of 16 bits, then 3 floats
  const bool could_be_valid = pixels / 8.0 <= 1032.0 * double(size);        // at least 1 bit per pixel
  return fits_in_memory || !could_be_valid;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > spv::fuzz::max_input_bytes || !worth_reading(data, size)) return 0;
  const auto path = spv::fuzz::input_file("input.png", data, size);
  try {
    spv::read_png(path);
  } catch (const spv::Error&) {
  }
  return 0;
}
