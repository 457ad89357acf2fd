// A machine-readable summary: "key=value" lines in insertion order (keys dotted, e.g. concept.class.3.neuron).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace spv {

class KeyValueSummary {
 public:
  void set(const std::string& key, const std::string& value);
  void set(const std::string& key, double value);  // %.6g
  void set(const std::string& key, long value);
  void set(const std::string& key, int value) { set(key, long(value)); }
  std::optional<std::string> get(const std::string& key) const;
  // The value as a number; NaN when absent or not a number.
  double number(const std::string& key) const;
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

  // Writes through a temporary file renamed into place; throws IoError.
  void write(const std::filesystem::path& path) const;
  // Reads "key=value" lines ('#' comments and blank lines skipped); throws IoError naming the file and line.
  static KeyValueSummary read(const std::filesystem::path& path);

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace spv
