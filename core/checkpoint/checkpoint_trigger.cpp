#include "core/checkpoint/checkpoint_trigger.hpp"

#include <cmath>

#include "core/column_params.hpp"

namespace spv {

namespace {
double unit_seconds(const std::string& unit) {
  if (unit == "minutes") return 60.0;
  if (unit == "hours") return 3600.0;
  if (unit == "days") return 86400.0;
  return 1.0;
}
}  // namespace

CheckpointTrigger::CheckpointTrigger(const ColumnParams& p)
    : mode_(p.checkpointWriteTriggerMode),
      step_interval_(p.checkpointWriteStepInterval),
      time_interval_(p.checkpointWriteTimeInterval),
      clock_seconds_(p.checkpointWriteClockInterval * unit_seconds(p.checkpointWriteClockUnit)),
      next_time_(p.startTime + p.checkpointWriteTimeInterval),
      last_clock_(std::chrono::steady_clock::now()) {}

bool CheckpointTrigger::due(long step, double time, double dt) {
  if (mode_ == "step") {
    const long every = std::max(1L, std::lround(step_interval_));
    return step % every == 0;
  }
  if (mode_ == "time") {
    if (time + 0.5 * dt < next_time_) return false;
    while (next_time_ <= time + 0.5 * dt) next_time_ += time_interval_;
    return true;
  }
  const auto now = std::chrono::steady_clock::now();
  if (std::chrono::duration<double>(now - last_clock_).count() < clock_seconds_) return false;
  last_clock_ = now;
  return true;
}

}  // namespace spv
