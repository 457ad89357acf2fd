#include "layers/hyper_layer.hpp"

namespace spv {

void combine_channels(Layer& layer, float scale) {
  layer.backend().combine_channels({long(layer.geometry().nbatch) * long(layer.geometry().neurons()),
                                    layer.kernel_v_rw(), layer.kernel_gsyn(0), layer.kernel_gsyn(1), scale});
}

void HyPerLayer::update_state(const StepInfo&) {
  combine_channels(*this);
  activity_from_v();
}

}  // namespace spv
