// KneeTimeScaleProbe: an AdaptiveTimeScaleProbe whose cap grows only kneeSlope as fast once it passes kneeThresh.
#pragma once
#include "probes/adaptive_time_scale_probe.hpp"

namespace spv {

struct KneeTimeScaleParams : AdaptiveTimeScaleParams {
  double kneeThresh, kneeSlope;
};

class KneeTimeScaleProbe : public Typed<KneeTimeScaleProbe, KneeTimeScaleParams, TimeScaleProbeBase> {
 public:
  static constexpr const char* kType = "KneeTimeScaleProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  TimeScaleSettings settings() const override;
};

}  // namespace spv
