// HyPerLayer: V = GSyn[0] - GSyn[1], A = V (the residual layer of the LCA tutorial).
#pragma once
#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv {

// V = scale (GSyn[0] - GSyn[1]) for every local neuron, on the layer's back-end; shared by the layers that combine
// channels this way.
void combine_channels(Layer& layer, float scale = 1.0f);

class HyPerLayer : public Typed<HyPerLayer, LayerParams, Layer> {
 public:
  static constexpr const char* kType = "HyPerLayer";
  static constexpr const char* kDoc =
      "V = GSyn[0] - GSyn[1] (or sum_c coefficient[c] GSyn[c] with channelIndices); A = V. The residual (error) layer "
      "of the LCA tutorial.";
  static void declare(SchemaBuilder<Params>& b) {
    declare_layer_keys(b);
    declare_channel_keys(b);
  }
  using Typed::Typed;
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo& s) override;
};

}  // namespace spv
