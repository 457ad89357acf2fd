#include "layers/threshold_layer.hpp"


namespace spv {

ThresholdLayer::ThresholdLayer(const ParamGroup& group, const ThresholdParams& p)
    : Layer(group, p),
      threshold_params_(p),
      threshold_{float(p.VThresh), float(p.AMin), float(p.AMax), float(p.AShift), float(p.VWidth)} {}

void ThresholdLayer::activity_from_v() { backend().threshold({geometry_, kernel_v(), kernel_a_rw(), threshold_, false}); }

void ThresholdLayer::activity_from(std::span<const float> v) {
  backend().threshold({geometry_, v.data(), A().data(), threshold_, false});
}

}  // namespace spv
