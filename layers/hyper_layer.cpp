#include "layers/hyper_layer.hpp"

namespace spv {

void combine_channels(Layer& layer, float scale) {
  layer.backend().combine_channels({long(layer.geometry().nbatch) * long(layer.geometry().neurons()),
                                    layer.kernel_v_rw(), layer.kernel_gsyn(0), layer.kernel_gsyn(1), scale});
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
  combine_channels(*this);
  activity_from_v();
}

}  // namespace spv
