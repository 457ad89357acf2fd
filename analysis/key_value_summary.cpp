#include "analysis/key_value_summary.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "core/errors.hpp"

namespace spv {

void KeyValueSummary::set(const std::string& key, const std::string& value) {
  if (key.empty() || key.find_first_of("=\n") != std::string::npos || value.find('\n') != std::string::npos)
    throw Error("summary: key \"" + key + "\" or its value cannot be written as one key=value line");
  for (auto& [k, v] : entries_)
    if (k == key) {
      v = value;
      return;
    }
  entries_.emplace_back(key, value);
}

void KeyValueSummary::set(const std::string& key, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  set(key, std::string(buf));
}

void KeyValueSummary::set(const std::string& key, long value) { set(key, std::to_string(value)); }

std::optional<std::string> KeyValueSummary::get(const std::string& key) const {
  for (const auto& [k, v] : entries_)
    if (k == key) return v;
  return std::nullopt;
}

double KeyValueSummary::number(const std::string& key) const {
  const auto v = get(key);
  if (!v || v->empty()) return NAN;
  char* end = nullptr;
  const double d = std::strtod(v->c_str(), &end);
  return *end == '\0' ? d : NAN;
}

void KeyValueSummary::write(const std::filesystem::path& path) const {
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp);
    if (!out) throw IoError(tmp.string(), "cannot create the summary file");
    for (const auto& [k, v] : entries_) out << k << '=' << v << '\n';
    if (!out) throw IoError(tmp.string(), "cannot write the summary file");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw IoError(path.string(), "cannot rename the summary into place: " + ec.message());
}

KeyValueSummary KeyValueSummary::read(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw IoError(path.string(), "cannot open the summary file");
  KeyValueSummary s;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos || eq == 0)
      throw IoError(path.string(), "line " + std::to_string(number) + " is not key=value: \"" + line + "\"");
    s.set(line.substr(0, eq), line.substr(eq + 1));
  }
  return s;
}

}  // namespace spv
