// When the column writes a checkpoint: every checkpointWriteStepInterval steps, every checkpointWriteTimeInterval of
// simulated time, or every checkpointWriteClockInterval of wall-clock time (OpenPV's three trigger modes).
#pragma once
#include <chrono>
#include <string>

namespace spv {

struct ColumnParams;

class CheckpointTrigger {
 public:
  explicit CheckpointTrigger(const ColumnParams& p);
  // Whether a checkpoint is due after the step that ended at (step, time); advances the next trigger when it is.
  bool due(long step, double time, double dt);
  // After a checkpoint is written: the wall-clock interval counts from the end of the write, so that a slow disk
  // cannot make every step write one.
  void written() { last_clock_ = std::chrono::steady_clock::now(); }
  bool wall_clock() const { return mode_ == "clock"; }
  // The next simulated time of the time mode; checkpointed so that a restart keeps the same schedule.
  double& next_time() { return next_time_; }

 private:
  std::string mode_;
  double step_interval_, time_interval_, clock_seconds_;
  double next_time_;
  std::chrono::steady_clock::time_point last_clock_;
};

}  // namespace spv
