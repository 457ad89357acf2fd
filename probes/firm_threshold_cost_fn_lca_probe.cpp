#include "probes/firm_threshold_cost_fn_lca_probe.hpp"

#include <cmath>

#include "params/param_value.hpp"

namespace spv {

const char* const FirmThresholdCostFnLCAProbe::kDoc =
    "VThresh of the target layer * sum of the firm-threshold cost of A with the target's VThresh and VWidth, per "
    "batch element (no coefficient, VThresh or VWidth key: the target gives them).";

void FirmThresholdCostFnLCAProbe::declare(SchemaBuilder<Params>& b) { declare_norm_probe_keys(b, false); }

void FirmThresholdCostFnLCAProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  FirmThresholdCostFnProbeBase::resolve(objects, ctx);
  // Threshold layers (ANNLayer, HyPerLCALayer, ...) are the layers with a VThresh; their VWidth is a key beside it.
  const std::optional<double> vthresh = target().vthresh();
  const ParamGroup keys = target().effective_params();
  const ParamEntry* vwidth = keys.find("VWidth");
  if (!vthresh || !vwidth)
    fail("targetLayer", "names \"" + target().name() + "\", a " + target().type() +
                            ", which has no VThresh and VWidth; FirmThresholdCostFnLCAProbe needs a threshold layer "
                            "such as HyPerLCALayer");
  if (!std::isfinite(*vthresh))
    fail("targetLayer", "layer \"" + target().name() + "\" has VThresh = " + format_number(*vthresh) +
                            "; FirmThresholdCostFnLCAProbe uses VThresh as its coefficient and needs a finite one");
  // OpenPV's layer holds the two as floats; the probe widens those.
  const double v_thresh = double(float(*vthresh)), v_width = double(float(vwidth->value.as_number()));
  set_cost_threshold(v_thresh, v_width);
  set_coefficient(v_thresh);
}

}  // namespace spv
