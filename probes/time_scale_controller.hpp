// The adaptive-timescale state machine of OpenPV's AdaptiveTimeScaleController (and its knee variant), per batch
// element: from the energy of the last step and the one before, the step size the LCA dynamics take next.
#pragma once
#include <vector>

namespace spv {

struct TimeScaleSettings {
  double base_max, base_min, tau_factor, growth_factor;
  bool knee = false;  // KneeTimeScaleProbe: slow the growth of the maximum above knee_thresh
  double knee_thresh = 0.0, knee_slope = 0.0;
  // LogTimeScaleProbe: the cap's growth factor decays as exp(-(cap - base_max) / L), L = (base_max - log_thresh) /
  // ln(log_slope); the defaults (log_slope 1) make L infinite, which is the plain growth.
  bool log = false;
  double log_thresh = 0.0, log_slope = 1.0;
};

struct TimeScaleState {
  double timescale;       // the step size in use
  double timescale_true;  // the energy it was computed from (-1 after a reset)
  double timescale_max;   // the current cap, growing while the energy keeps falling
};

class TimeScaleController {
 public:
  TimeScaleController(const TimeScaleSettings& settings, int nbatch);

  // One step. `energies` per batch element: the energy after the last step, or -1 to reset (new input).
  // Equal to the previous energy: nothing changes. The energy rose, or either energy is <= 0: back to baseMin with
  // the cap at baseMax. Otherwise timescale = tauFactor * E_0 * timescale / (E_0 - E_dt), held at the cap, and
  // reaching the cap raises it by (1 + growthFactor). The knee then scales any growth of a cap above kneeThresh by
  // kneeSlope and holds the timescale under it. The log variant scales growthFactor by exp(-(cap - baseMax) / L)
  // before the cap grows (and also resets when the energy's fall is exactly zero, as OpenPV's does).
  void update(const std::vector<double>& energies);
  const std::vector<TimeScaleState>& state() const { return state_; }
  std::vector<TimeScaleState>& mutable_state() { return state_; }  // restored from a checkpoint

 private:
  TimeScaleSettings settings_;
  std::vector<TimeScaleState> state_;
};

}  // namespace spv
