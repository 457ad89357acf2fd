#include "probes/l2_norm_probe.hpp"

#include <cmath>

namespace spv {

const char* const L2NormProbe::kDoc =
    "coefficient * (sum of A^2)^(exponent/2) over the target layer, per batch element.";

void L2NormProbe::declare(SchemaBuilder<Params>& b) {
  declare_norm_probe_keys(b);
  b.key("exponent", &Params::exponent, 1.0, "power of the L2 norm: 1 gives ||A||, 2 gives ||A||^2");
}

GridSum L2NormProbe::local_sum(int b) const {
  // A float's square is exact in double, so the sum sees the true squares.
  return sum_of(b, [](BinnedSum& s, float a) { s.add_square(a); });
}

double L2NormProbe::norm_from_sum(double sum) const {
  return params().exponent == 2.0 ? sum : std::pow(sum, params().exponent / 2.0);
}

}  // namespace spv
