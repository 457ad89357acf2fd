// The progress line: simulated time, steps per second and time left; rewritten in place on a terminal, plain
// lines every progressInterval otherwise (so logs stay readable).
#pragma once
#include <chrono>
#include <cstdio>

namespace spv {

class Progress {
 public:
  Progress(double start_time, double stop_time, double interval, std::FILE* out);
  void update(double time, long step);
  void finish(double time, long step);

 private:
  void print(double time, long step, bool final);
  double start_, stop_, interval_, next_;
  long last_printed_step_ = -1;
  std::FILE* out_;
  bool terminal_;
  std::chrono::steady_clock::time_point began_;
};

}  // namespace spv
