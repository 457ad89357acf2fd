#include "probes/l0_norm_probe.hpp"

#include <cmath>

namespace spv {

const ParamSchema& L0NormProbe::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("L0NormProbe", "coefficient * number of neurons with |A| > nnzThreshold, per batch element.");
    SchemaBuilder<Params> b(s);
    declare_norm_probe_keys(b);
    b.key("nnzThreshold", &Params::nnzThreshold, 0.0, "a neuron counts when |A| exceeds this");
    return s;
  }();
  return s;
}

L0NormProbe::L0NormProbe(const ParamGroup& group, Params p, const BindResult&) : NormProbe(group, p), params_(p) {}

GridSum L0NormProbe::local_sum(int b) const {
  const double threshold = params_.nnzThreshold;
  return sum_of(b, [threshold](BinnedSum& s, float a) { s.add_count(std::fabs(double(a)) > threshold); });
}

}  // namespace spv
