// The step size h of a sparse-coding layer per batch element: an adaptive timescale probe's, else dt.
#pragma once
#include <string>

#include "core/object.hpp"
#include "core/probe.hpp"

namespace spv {

class StepSize {
 public:
  // Looks up the probe named by the owner's adaptiveTimeScaleProbe key (none when the name is empty).
  void resolve(const Object& owner, ObjectTable& objects, const std::string& probe_name);
  // h for global batch element b this step.
  double at(int global_b, double dt) const { return timescales_ ? timescales_->timescale(global_b) : dt; }

 private:
  const TimeScaleSource* timescales_ = nullptr;
};

}  // namespace spv
