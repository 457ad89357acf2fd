#include "core/checkpoint/crc64.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <vector>

#include "core/errors.hpp"

namespace spv {

namespace {

constexpr std::uint64_t poly = 0xC96C5795D7870F42ull;  // ECMA-182, bit-reversed

const std::array<std::uint64_t, 256>& table() {
  static const std::array<std::uint64_t, 256> t = [] {
    std::array<std::uint64_t, 256> r{};
    for (std::uint64_t i = 0; i < 256; ++i) {
      std::uint64_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ poly : c >> 1;
      r[i] = c;
    }
    return r;
  }();
  return t;
}

}  // namespace

void Crc64::update(const void* data, std::size_t n) {
  const auto& t = table();
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t c = state_;
  for (std::size_t i = 0; i < n; ++i) c = t[(c ^ p[i]) & 0xff] ^ (c >> 8);
  state_ = c;
}

FileDigest digest_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string(), "cannot open to check its checksum");
  Crc64 crc;
  FileDigest d;
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), std::streamsize(buf.size()));
    const auto got = std::size_t(in.gcount());
    crc.update(buf.data(), got);
    d.size += got;
  }
  if (in.bad()) throw IoError(path.string(), "read failed while checking its checksum", std::int64_t(d.size));
  d.crc = crc.value();
  return d;
}

std::string crc_hex(std::uint64_t crc) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(crc));
  return text;
}

}  // namespace spv
