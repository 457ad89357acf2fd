#include "layers/ann_squared_layer.hpp"

namespace spv {

void ANNSquaredLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_threshold_keys(b);
}

void ANNSquaredLayer::update_state(const StepInfo&) {
  const std::size_t n = std::size_t(geometry_.nbatch) * geometry_.neurons();
  const float* g0 = gsyn_ptr(0, 0);
  float* v = v_.data();
  for (std::size_t k = 0; k < n; ++k) v[k] = g0[k] * g0[k];
  activity_from_v();
}

}  // namespace spv
