// KneeTimeScaleProbe: an AdaptiveTimeScaleProbe whose cap grows only kneeSlope as fast once it passes kneeThresh.
#pragma once
#include "probes/adaptive_time_scale_probe.hpp"

namespace spv {

struct KneeTimeScaleParams : AdaptiveTimeScaleParams {
  double kneeThresh, kneeSlope;
};

class KneeTimeScaleProbe : public AdaptiveTimeScaleProbe {
 public:
  using Params = KneeTimeScaleParams;
  static const ParamSchema& param_schema();
  KneeTimeScaleProbe(const ParamGroup& group, Params p, const BindResult&);
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }

 private:
  Params params_;
};

}  // namespace spv
