// Helpers for the I/O tests: the shared scratch directory, raw file bytes, and little-endian field reads
// written independently of the library's codec so that the tests check the layout, not the codec against itself.
#pragma once
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "tests/support/temp_dir.hpp"

namespace spv::test {

inline std::vector<unsigned char> file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& p, const std::vector<unsigned char>& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

inline std::uint32_t u32_at(const std::vector<unsigned char>& b, std::size_t off) {
  return std::uint32_t(b.at(off)) | std::uint32_t(b.at(off + 1)) << 8 | std::uint32_t(b.at(off + 2)) << 16 |
         std::uint32_t(b.at(off + 3)) << 24;
}
inline std::int32_t i32_at(const std::vector<unsigned char>& b, std::size_t off) {
  return static_cast<std::int32_t>(u32_at(b, off));
}
inline std::uint16_t u16_at(const std::vector<unsigned char>& b, std::size_t off) {
  return static_cast<std::uint16_t>(b.at(off) | b.at(off + 1) << 8);
}
inline float f32_at(const std::vector<unsigned char>& b, std::size_t off) {
  const std::uint32_t u = u32_at(b, off);
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
inline double f64_at(const std::vector<unsigned char>& b, std::size_t off) {
  const std::uint64_t u = std::uint64_t(u32_at(b, off)) | std::uint64_t(u32_at(b, off + 4)) << 32;
  double d;
  std::memcpy(&d, &u, 8);
  return d;
}
inline void put_i32_at(std::vector<unsigned char>& b, std::size_t off, std::int32_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  for (int i = 0; i < 4; ++i) b.at(off + i) = static_cast<unsigned char>(u >> (8 * i));
}

// Runs `f` and returns the IoError's message, or "no IoError" when it returned normally; other errors propagate.
template <class F>
std::string io_error_message(F&& f) {
  try {
    f();
  } catch (const IoError& e) {
    return e.what();
  }
  return "no IoError";
}

}  // namespace spv::test
