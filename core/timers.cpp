#include "core/timers.hpp"

#include <cstdio>

namespace spv {

int Timers::id(const std::string& name) {
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].name == name) return int(i);
  entries_.push_back({name, 0.0, 0});
  return int(entries_.size() - 1);
}

std::string Timers::report(long steps) const {
  std::string out = "timer                              seconds   ms/step     calls\n";
  char line[160];
  for (const auto& e : entries_) {
    std::snprintf(line, sizeof line, "%-30s %11.4f %9.4f %9ld\n", e.name.c_str(), e.seconds,
                  steps > 0 ? 1000.0 * e.seconds / double(steps) : 0.0, e.calls);
    out += line;
  }
  return out;
}

}  // namespace spv
