// CRC-64/XZ (ECMA-182 polynomial, reflected, as xz and Go's hash/crc64 ECMA use it): the checksum of checkpoint files.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace spv {

class Crc64 {
 public:
  void update(const void* data, std::size_t n);
  std::uint64_t value() const { return ~state_; }

 private:
  std::uint64_t state_ = ~std::uint64_t(0);
};

// The CRC-64 of a whole file and its size; throws IoError when it cannot be read.
struct FileDigest {
  std::uint64_t crc = 0;
  std::uint64_t size = 0;
};
FileDigest digest_file(const std::filesystem::path& path);
// 16 lowercase hex digits.
std::string crc_hex(std::uint64_t crc);

}  // namespace spv
