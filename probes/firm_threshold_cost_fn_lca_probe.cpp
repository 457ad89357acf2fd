#include "probes/firm_threshold_cost_fn_lca_probe.hpp"

#include <cmath>

#include "layers/threshold_layer.hpp"
#include "params/param_value.hpp"

namespace spv {

const char* const FirmThresholdCostFnLCAProbe::kDoc =
    "VThresh of the target layer * sum of the firm-threshold cost of A with the target's VThresh and VWidth, per "
    "batch element (no coefficient, VThresh or VWidth key: the target gives them).";

void FirmThresholdCostFnLCAProbe::declare(SchemaBuilder<Params>& b) { declare_norm_probe_keys(b, false); }

void FirmThresholdCostFnLCAProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  FirmThresholdCostFnProbeBase::resolve(objects, ctx);
  const auto* layer = dynamic_cast<const ThresholdLayer*>(&target());
  if (!layer)
    fail("targetLayer", "names \"" + target().name() + "\", a " + target().type() +
                            ", which has no VThresh and VWidth; FirmThresholdCostFnLCAProbe needs a threshold layer "
                            "such as HyPerLCALayer");
  // OpenPV's layer holds the two as floats; the probe widens those.
  const Threshold& t = layer->threshold();
  if (!std::isfinite(t.v_thresh))
    fail("targetLayer", "layer \"" + target().name() + "\" has VThresh = " + format_number(t.v_thresh) +
                            "; FirmThresholdCostFnLCAProbe uses VThresh as its coefficient and needs a finite one");
  set_cost_threshold(double(t.v_thresh), double(t.v_width));
  set_coefficient(double(t.v_thresh));
}

}  // namespace spv
