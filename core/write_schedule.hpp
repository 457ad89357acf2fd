// When an object writes its output file, with OpenPV's rules for writeStep and initialWriteTime: a negative
// writeStep never writes, 0 writes every step, a positive one every writeStep from initialWriteTime; a negative
// initialWriteTime is moved forward by whole writeSteps to the first time at or after 0, as OpenPV moves it.
#pragma once
#include <cmath>

namespace spv {

class WriteSchedule {
 public:
  WriteSchedule() = default;
  WriteSchedule(double write_step, double initial_write_time) : step_(write_step), next_(initial_write_time) {
    // Repeated addition, as OpenPV does it, so the first write time has the same bits; a start so far back that
    // the additions would not end in reasonable time jumps by whole steps instead.
    if (step_ <= 0) return;
    for (long i = 0; next_ < 0.0; ++i) {
      if (i == kMaxAdditions) {
        next_ += std::ceil(-next_ / step_) * step_;
        break;
      }
      next_ += step_;
    }
  }

  bool enabled() const { return step_ >= 0; }
  // Half a step of slack so that accumulated float error in time never skips a write.
  bool due(double time, double dt) const { return enabled() && time + 0.5 * dt >= next_; }
  // After a write at `time`: the next write time strictly after it (every step when writeStep is 0).
  void advance(double time, double dt) {
    if (step_ <= 0) return;
    const double limit = time + 0.5 * dt;
    for (long i = 0; next_ <= limit; ++i) {
      // A writeStep too small to move the time on (or a long gap) must not hang the run: the next step writes.
      if (i == kMaxAdditions) {
        next_ = std::nextafter(limit, INFINITY);
        break;
      }
      next_ += step_;
    }
  }
  // The checkpoint keeps the next write time, so a restart writes on the same steps.
  double& next_time() { return next_; }

 private:
  static constexpr long kMaxAdditions = 1000000;
  double step_ = -1.0;
  double next_ = 0.0;
};

}  // namespace spv
