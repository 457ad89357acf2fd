#include "probes/l1_norm_probe.hpp"

#include <cmath>

namespace spv {

const char* const L1NormProbe::kDoc = "coefficient * sum of |A| over the target layer, per batch element.";

void L1NormProbe::declare(SchemaBuilder<Params>& b) { declare_norm_probe_keys(b); }

GridSum L1NormProbeBase::local_sum(int b) const {
  return sum_of(b, [](BinnedSum& s, float a) { s.add(std::fabs(a)); });
}

}  // namespace spv
