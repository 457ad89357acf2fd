#include "layers/ptwise_product_layer.hpp"

namespace spv {

void PtwiseProductLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_threshold_keys(b);
}

void PtwiseProductLayer::update_state(const StepInfo&) {
  const std::size_t n = std::size_t(geometry_.nbatch) * geometry_.neurons();
  const float* g0 = gsyn_ptr(0, 0);
  const float* g1 = gsyn_ptr(1, 0);
  float* v = v_.data();
  for (std::size_t k = 0; k < n; ++k) v[k] = g0[k] * g1[k];
  activity_from_v();
}

}  // namespace spv
