#include "probes/time_scale_controller.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "params/error.hpp"

namespace spv {

TimeScaleController::TimeScaleController(const TimeScaleSettings& settings, int nbatch)
    : settings_(settings), state_(std::size_t(nbatch), TimeScaleState{settings.base_min, -1.0, settings.base_max}) {}

void TimeScaleController::update(const std::vector<double>& energies) {
  if (energies.size() != state_.size())
    throw Error("adaptive timescale: " + std::to_string(energies.size()) + " energies for " +
                std::to_string(state_.size()) + " batch elements");
  const TimeScaleSettings& c = settings_;
  // OpenPV's LogTimeScaleController keeps this length in place of logSlope.
  const double log_length = c.log ? -(c.log_thresh - c.base_max) / std::log(c.log_slope) : 0.0;
  for (std::size_t b = 0; b < state_.size(); ++b) {
    const TimeScaleState old = state_[b];
    TimeScaleState& now = state_[b];
    const double e_dt = energies[b], e_0 = old.timescale_true;
    now.timescale_true = e_dt;
    if (e_dt != e_0) {
      const double drop_per_time = (e_0 - e_dt) / old.timescale;
      const bool rose = c.log ? drop_per_time <= 0.0 : drop_per_time < 0.0;
      if (rose || e_0 <= 0.0 || e_dt <= 0.0) {
        now.timescale = c.base_min;
        now.timescale_max = c.base_max;
      } else {
        now.timescale = c.tau_factor * (e_0 / drop_per_time);  // OpenPV's order of operations
        if (now.timescale >= now.timescale_max) {
          const double growth =
              c.log ? c.growth_factor * std::exp(-(now.timescale_max - c.base_max) / log_length) : c.growth_factor;
          now.timescale = now.timescale_max;
          now.timescale_max *= 1.0 + growth;
        }
      }
    }
    // OpenPV applies the knee on every step, also when the energy did not change.
    if (c.knee && now.timescale_max > c.knee_thresh) {
      now.timescale_max = old.timescale_max + (now.timescale_max - old.timescale_max) * c.knee_slope;
      now.timescale = std::min(now.timescale, now.timescale_max);
    }
  }
}

}  // namespace spv
