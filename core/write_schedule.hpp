// When an object writes its output file, with OpenPV's rules for writeStep and initialWriteTime: a negative
// writeStep never writes, 0 writes every step, a positive one every writeStep from initialWriteTime; a negative
// initialWriteTime is moved forward by whole writeSteps to the first time at or after 0, as OpenPV moves it.
#pragma once

namespace spv {

class WriteSchedule {
 public:
  WriteSchedule() = default;
  WriteSchedule(double write_step, double initial_write_time) : step_(write_step), next_(initial_write_time) {
    // Repeated addition, as OpenPV does it, so the first write time has the same bits.
    if (step_ > 0)
      while (next_ < 0.0) next_ += step_;
  }

  bool enabled() const { return step_ >= 0; }
  // Half a step of slack so that accumulated float error in time never skips a write.
  bool due(double time, double dt) const { return enabled() && time + 0.5 * dt >= next_; }
  // After a write at `time`: the next write time strictly after it (every step when writeStep is 0).
  void advance(double time, double dt) {
    if (step_ <= 0) return;
    while (next_ <= time + 0.5 * dt) next_ += step_;
  }
  // The checkpoint keeps the next write time, so a restart writes on the same steps.
  double& next_time() { return next_; }

 private:
  double step_ = -1.0;
  double next_ = 0.0;
};

}  // namespace spv
