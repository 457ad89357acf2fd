#include "probes/l0_norm_probe.hpp"

#include <cmath>

namespace spv {

const char* const L0NormProbe::kDoc = "coefficient * number of neurons with |A| > nnzThreshold, per batch element.";

void L0NormProbe::declare(SchemaBuilder<Params>& b) {
  declare_norm_probe_keys(b);
  b.key("nnzThreshold", &Params::nnzThreshold, 0.0, "a neuron counts when |A| exceeds this");
}

GridSum L0NormProbeBase::local_sum(int b) const {
  const double threshold = nnz_threshold();
  return sum_of(b, [threshold](BinnedSum& s, float a) { s.add_count(std::fabs(double(a)) > threshold); });
}

}  // namespace spv
