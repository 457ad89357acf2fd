// A probe: computes one value per batch element from its target, reduced in a fixed order, written by the root.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "core/object.hpp"

namespace spv {

class Probe : public Object {
 public:
  using Object::Object;

  // Called at the start of each step, before any layer updates (adaptive timescales need this).
  virtual void prepare_step(const StepInfo&, const RunContext&) {}
  // Called after the step's layers have updated: compute, reduce and write if the trigger allows.
  virtual void sample(const StepInfo& s, const RunContext& ctx) = 0;
  // The latest value per (global) batch element, after reduction; energy probes read their members' values.
  const std::vector<double>& values() const { return values_; }
  // The ColumnEnergyProbe this probe adds into (empty: none); values() already carry the coefficient.
  virtual std::string energy_probe_name() const { return {}; }
  // What it reads, for the dry run's report: "layer V1", "probe Energy", "the sum of a, b".
  virtual std::string target_description() const { return {}; }

 protected:
  std::vector<double> values_;
};

// What a layer needs from an adaptive-timescale probe, without depending on probes/.
class TimeScaleSource {
 public:
  virtual ~TimeScaleSource() = default;
  // Per global batch element: the step size to use this step.
  virtual double timescale(int batch) const = 0;
};

}  // namespace spv
