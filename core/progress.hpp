// The progress line: simulated time, steps per second and time left. On a terminal one line rewritten in place
// (at most ten times a second); in a log a plain line every progressInterval of simulated time when the params give
// one, else about every second of wall time, so that a long run's log stays short.
#pragma once
#include <cstdio>
#include <functional>
#include <optional>

namespace spv {

class Progress {
 public:
  using Clock = std::function<double()>;  // wall seconds from any fixed origin
  // interval: progressInterval when the params give it (logs only); clock: for tests, else the steady clock.
  Progress(double start_time, double stop_time, std::optional<double> interval, std::FILE* out, Clock clock = {});
  Progress(double start_time, double stop_time, std::optional<double> interval, std::FILE* out, bool terminal,
           Clock clock);
  void update(double time, long step);
  void finish(double time, long step);

 private:
  bool due(double time);
  void print(double time, long step, bool final);
  double start_, stop_;
  std::optional<double> interval_;
  double next_time_ = 0;  // with an interval: the next simulated time to print at
  double next_wall_ = 0;  // otherwise: the next wall time
  long last_printed_step_ = -1;
  std::FILE* out_;
  bool terminal_;
  Clock clock_;
  double began_;
};

}  // namespace spv
