// Random-access file reads whose every failure (missing, unreadable, too short) is an IoError with path and offset.
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace spv {

class BinaryInput {
 public:
  explicit BinaryInput(const std::filesystem::path& path);
  const std::string& path() const { return path_; }
  std::int64_t size() const { return size_; }
  // Exactly `count` bytes at `offset`; `what` names the bytes in the truncation message ("frame 3", "header").
  std::vector<unsigned char> read(std::int64_t offset, std::int64_t count, const std::string& what);
  // The whole file.
  std::vector<unsigned char> read_all();

 private:
  std::string path_;
  std::ifstream in_;
  std::int64_t size_ = 0;
};

}  // namespace spv
