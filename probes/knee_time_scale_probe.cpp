#include "probes/knee_time_scale_probe.hpp"

namespace spv {

const char* const KneeTimeScaleProbe::kDoc =
    "AdaptiveTimeScaleProbe whose cap, above kneeThresh, grows kneeSlope times as fast "
    "(OpenPV's KneeTimeScaleController).";

void KneeTimeScaleProbe::declare(SchemaBuilder<Params>& b) {
  declare_adaptive_time_scale_keys(b);
  b.key("kneeThresh", &Params::kneeThresh, 1.0, "above this cap the cap's growth is scaled by kneeSlope")
      .key("kneeSlope", &Params::kneeSlope, 1.0, "factor on the cap's growth above kneeThresh");
}

static TimeScaleSettings knee_settings(const KneeTimeScaleParams& p) {
  return TimeScaleSettings{p.baseMax, p.baseMin, p.tauFactor, p.growthFactor, true, p.kneeThresh, p.kneeSlope};
}

TimeScaleSettings KneeTimeScaleProbe::settings() const { return knee_settings(params()); }

}  // namespace spv
