// Wall-clock accumulators by name, reported at the end of a run (where the time went: deliveries, updates, I/O).
#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace spv {

class Timers {
 public:
  // Index of a named timer, created on first use; call once at build, not in the loop.
  int id(const std::string& name);
  void add(int id, double seconds) { entries_[std::size_t(id)].seconds += seconds; ++entries_[std::size_t(id)].calls; }
  std::string report(long steps) const;

  // Times a scope into one timer.
  class Scope {
   public:
    Scope(Timers& t, int id) : t_(t), id_(id), began_(std::chrono::steady_clock::now()) {}
    ~Scope() { t_.add(id_, std::chrono::duration<double>(std::chrono::steady_clock::now() - began_).count()); }

   private:
    Timers& t_;
    int id_;
    std::chrono::steady_clock::time_point began_;
  };

 private:
  struct Entry {
    std::string name;
    double seconds = 0;
    long calls = 0;
  };
  std::vector<Entry> entries_;
};

}  // namespace spv
