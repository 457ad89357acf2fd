#include "layers/hyper_layer.hpp"

#include "core/kernels/parallel.hpp"

namespace spv {

void combine_channels(const Layer& layer, std::span<float> v, float scale) {
  const float* exc = layer.gsyn(0).data();
  const float* inh = layer.gsyn(1).data();
  const long n = long(v.size());
  float* out = v.data();
#pragma omp parallel for simd schedule(static) if (n >= kParallelMinElements)
  for (long i = 0; i < n; ++i) out[i] = scale * (exc[i] - inh[i]);
}

const ParamSchema& HyPerLayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("HyPerLayer", "V = GSyn[0] - GSyn[1]; A = V. The residual (error) layer of the LCA tutorial.");
    SchemaBuilder<Params> b(s);
    declare_layer_keys(b);
    return s;
  }();
  return s;
}

HyPerLayer::HyPerLayer(const ParamGroup& group, Params p, const BindResult&) : Layer(group, p), params_(p) {}

void HyPerLayer::update_state(const StepInfo&) {
  combine_channels(*this, V());
  activity_from_v();
}

}  // namespace spv
