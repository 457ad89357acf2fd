#include "probes/knee_time_scale_probe.hpp"

namespace spv {

const ParamSchema& KneeTimeScaleProbe::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("KneeTimeScaleProbe",
                  "AdaptiveTimeScaleProbe whose cap, above kneeThresh, grows kneeSlope times as fast "
                  "(OpenPV's KneeTimeScaleController).");
    SchemaBuilder<Params> b(s);
    declare_adaptive_time_scale_keys(b);
    b.key("kneeThresh", &Params::kneeThresh, 1.0, "above this cap the cap's growth is scaled by kneeSlope")
        .key("kneeSlope", &Params::kneeSlope, 1.0, "factor on the cap's growth above kneeThresh");
    return s;
  }();
  return s;
}

static TimeScaleSettings knee_settings(const KneeTimeScaleParams& p) {
  return TimeScaleSettings{p.baseMax, p.baseMin, p.tauFactor, p.growthFactor, true, p.kneeThresh, p.kneeSlope};
}

KneeTimeScaleProbe::KneeTimeScaleProbe(const ParamGroup& group, Params p, const BindResult&)
    : AdaptiveTimeScaleProbe(group, p, knee_settings(p)), params_(p) {}

}  // namespace spv
