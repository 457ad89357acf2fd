#include "probes/log_time_scale_probe.hpp"

#include <cfloat>

namespace spv {

const char* const LogTimeScaleProbe::kDoc =
    "AdaptiveTimeScaleProbe whose cap grows by growthFactor * exp(-(cap - baseMax) / L), with "
    "L = (baseMax - logThresh) / ln(logSlope) (OpenPV's LogTimeScaleController).";

void LogTimeScaleProbe::declare(SchemaBuilder<Params>& b) {
  using namespace checks;
  declare_adaptive_time_scale_keys(b);
  // OpenPV's defaults: logSlope 1 makes L infinite, so the probe behaves as an AdaptiveTimeScaleProbe.
  b.key("logThresh", &Params::logThresh, double(DBL_MAX_EXP), "with logSlope, sets the cap's decay length L")
      .key("logSlope", &Params::logSlope, 1.0, "with logThresh, sets L = (baseMax - logThresh) / ln(logSlope)",
           {positive()});
}

TimeScaleSettings LogTimeScaleProbe::settings() const {
  const Params& p = params();
  TimeScaleSettings s{p.baseMax, p.baseMin, p.tauFactor, p.growthFactor};
  s.log = true;
  s.log_thresh = p.logThresh;
  s.log_slope = p.logSlope;
  return s;
}

}  // namespace spv
