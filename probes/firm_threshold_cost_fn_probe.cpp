#include "probes/firm_threshold_cost_fn_probe.hpp"

#include <cmath>

namespace spv {

const char* const FirmThresholdCostFnProbe::kDoc =
    "coefficient * sum of the firm-threshold cost of A, |A| (1 - |A|/(2 w)) for |A| < w else w/2, w = VThresh + "
    "VWidth, per batch element.";

void FirmThresholdCostFnProbeBase::set_cost_threshold(double v_thresh, double v_width) {
  reach_ = v_thresh + v_width;
  max_cost_ = 0.5 * reach_;
  quadratic_ = 0.5 / reach_;
}

GridSum FirmThresholdCostFnProbeBase::local_sum(int b) const {
  const double reach = reach_, max_cost = max_cost_, quadratic = quadratic_;
  return sum_of(b, [=](BinnedSum& s, float a) {
    const double x = std::fabs(double(a));
    s.add_double(x < reach ? x * (1.0 - quadratic * x) : max_cost);
  });
}

void FirmThresholdCostFnProbe::declare(SchemaBuilder<Params>& b) {
  declare_norm_probe_keys(b);
  b.key("VThresh", &Params::VThresh, 0.0, "threshold of the firm threshold whose cost this probe sums",
        {checks::finite()})
      .key("VWidth", &Params::VWidth, 0.0, "width of its ramp; the cost saturates at VThresh + VWidth",
           {checks::finite()});
}

FirmThresholdCostFnProbe::FirmThresholdCostFnProbe(const ParamGroup& group) : Typed(group) {
  set_cost_threshold(params().VThresh, params().VWidth);
}

}  // namespace spv
