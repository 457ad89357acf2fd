// LogTimeScaleProbe: an AdaptiveTimeScaleProbe whose cap grows more slowly the further it is above baseMax.
#pragma once
#include "probes/adaptive_time_scale_probe.hpp"

namespace spv {

struct LogTimeScaleParams : AdaptiveTimeScaleParams {
  double logThresh, logSlope;
};

class LogTimeScaleProbe : public Typed<LogTimeScaleProbe, LogTimeScaleParams, TimeScaleProbeBase> {
 public:
  static constexpr const char* kType = "LogTimeScaleProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  TimeScaleSettings settings() const override;
};

}  // namespace spv
