// A fresh temporary directory for one test, removed with its contents afterwards, and whole-file text helpers.
#pragma once
#include <filesystem>
#include <string>

namespace spv::test {

// A new empty directory under the system temp dir, removed with everything in it when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes text to name inside the directory and returns the file's full path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

// Replaces the file at path with exactly `text`.
void write_file(const std::filesystem::path& path, const std::string& text);

// The whole content of the file at path; throws std::runtime_error when it cannot be opened.
std::string read_file(const std::filesystem::path& path);

}  // namespace spv::test
