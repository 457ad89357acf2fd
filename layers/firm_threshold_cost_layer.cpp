#include "layers/firm_threshold_cost_layer.hpp"

#include <cmath>

#include "core/kernels/parallel.hpp"
#include "layers/hyper_layer.hpp"

namespace spv {

void FirmThresholdCostBase::update_state(const StepInfo&) {
  combine_channels(*this);
  activity_from_v();
}

// OpenPV's float operations in its order; each neuron on its own, so threads cannot change a bit.
void FirmThresholdCostBase::activity_from_v() {
  const LayerGeometry& g = geometry_;
  const float reach = v_thresh_ + v_width_;
  const float half_over_reach = 0.5f / reach;
  const float* v = V().data();
  float* a = A().data();
  const int row_len = g.nx * g.nf;
  const long rows = long(g.nbatch) * g.ny;
#pragma omp parallel for schedule(static) if (rows * row_len >= kParallelMinElements)
  for (long r = 0; r < rows; ++r) {
    const int b = int(r / g.ny), y = int(r % g.ny);
    const float* vrow = v + std::size_t(b) * g.neurons() + g.index(0, y, 0);
    float* arow = a + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0);
    for (int i = 0; i < row_len; ++i) {
      const float x = std::fabs(vrow[i]);
      arow[i] = x <= reach ? x * (1.0f - x * half_over_reach) : 0.5f * reach;
    }
  }
}

void FirmThresholdCostLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  b.key("VThresh", &Params::VThresh, Required, "threshold of the firm threshold whose cost this layer computes",
        {checks::finite()})
      .key("VWidth", &Params::VWidth, 0.0, "width of the firm threshold's ramp; the cost saturates at VThresh + VWidth",
           {checks::finite()});
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    if (float(p.VThresh) + float(p.VWidth) <= 0.0f)
      return {"VWidth", "VThresh + VWidth must be positive (the cost divides by it)"};
    return {"", ""};
  });
}

FirmThresholdCostLayer::FirmThresholdCostLayer(const ParamGroup& group) : Typed(group) {
  set_cost_threshold(float(params().VThresh), float(params().VWidth));
}

}  // namespace spv
