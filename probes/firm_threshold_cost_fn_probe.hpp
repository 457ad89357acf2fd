// FirmThresholdCostFnProbe: sum over the target layer of the firm-threshold cost of A, per batch element (OpenPV's
// FirmThresholdCostFnProbe); FirmThresholdCostFnLCAProbe reuses the base below with the target's threshold.
#pragma once
#include "core/group_type.hpp"
#include "probes/norm_probe.hpp"

namespace spv {

// cost(a) = |a| (1 - |a| / (2 w)) for |a| < w, else w / 2, w = VThresh + VWidth, in double as OpenPV's probe.
class FirmThresholdCostFnProbeBase : public NormProbe {
 public:
  using NormProbe::NormProbe;

 protected:
  void set_cost_threshold(double v_thresh, double v_width);
  GridSum local_sum(int b) const override;

 private:
  double reach_ = 0.0, max_cost_ = 0.0, quadratic_ = 0.0;
};

struct FirmThresholdCostFnParams : NormProbeParams {
  double VThresh, VWidth;
};

class FirmThresholdCostFnProbe
    : public Typed<FirmThresholdCostFnProbe, FirmThresholdCostFnParams, FirmThresholdCostFnProbeBase> {
 public:
  static constexpr const char* kType = "FirmThresholdCostFnProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  explicit FirmThresholdCostFnProbe(const ParamGroup& group);
};

}  // namespace spv
