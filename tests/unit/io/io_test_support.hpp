// Helpers for the I/O tests: a scratch directory removed afterwards, raw file bytes, and little-endian field reads
// written independently of the library's codec so that the tests check the layout, not the codec against itself.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "core/errors.hpp"

namespace spv::test {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("spv_io_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

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
