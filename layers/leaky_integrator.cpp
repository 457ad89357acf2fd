#include "layers/leaky_integrator.hpp"

#include <cfloat>
#include <cmath>

namespace spv {

void LeakyIntegrator::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  declare_threshold_keys(b);
  // OpenPV's default is FLT_MAX: no decay (e^(-dt/FLT_MAX) is 1 in float).
  b.key("integrationTime", &Params::integrationTime, double(FLT_MAX),
        "time constant of the leak, in time units; the default (FLT_MAX) never leaks", {checks::positive()});
}

// OpenPV's float order: the decay factor from float dt and integrationTime, then V *= decay, V += GSyn[0] - GSyn[1].
void LeakyIntegrator::update_state(const StepInfo& s) {
  const float decay = std::exp(-float(s.dt) / float(params().integrationTime));
  const std::size_t n = std::size_t(geometry_.nbatch) * geometry_.neurons();
  const float* g0 = gsyn_ptr(0, 0);
  const float* g1 = gsyn_ptr(1, 0);
  float* v = v_.data();
  for (std::size_t k = 0; k < n; ++k) {
    v[k] *= decay;
    v[k] += g0[k] - g1[k];
  }
  activity_from_v();
}

}  // namespace spv
