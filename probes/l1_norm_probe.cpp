#include "probes/l1_norm_probe.hpp"

#include <cmath>

namespace spv {

const ParamSchema& L1NormProbe::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("L1NormProbe", "coefficient * sum of |A| over the target layer, per batch element.");
    SchemaBuilder<Params> b(s);
    declare_norm_probe_keys(b);
    return s;
  }();
  return s;
}

L1NormProbe::L1NormProbe(const ParamGroup& group, Params p, const BindResult&) : NormProbe(group, p), params_(p) {}

GridSum L1NormProbe::local_sum(int b) const {
  return sum_of(b, [](BinnedSum& s, float a) { s.add(std::fabs(a)); });
}

}  // namespace spv
