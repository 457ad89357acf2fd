// FirmThresholdCostFnLCAProbe: the firm-threshold cost of an LCA layer's activity with that layer's VThresh and
// VWidth, and VThresh as its coefficient (so that with an L2NormProbe it makes the LCA energy of a firm threshold).
#pragma once
#include "probes/firm_threshold_cost_fn_probe.hpp"

namespace spv {

class FirmThresholdCostFnLCAProbe
    : public Typed<FirmThresholdCostFnLCAProbe, NormProbeParams, FirmThresholdCostFnProbeBase> {
 public:
  static constexpr const char* kType = "FirmThresholdCostFnLCAProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  // Takes VThresh, VWidth and the coefficient from the target; a target that is no threshold layer, or whose
  // VThresh is not finite, is an error at targetLayer.
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
};

}  // namespace spv
