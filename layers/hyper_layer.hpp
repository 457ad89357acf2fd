// HyPerLayer: V = GSyn[0] - GSyn[1], A = V (the residual layer of the LCA tutorial).
#pragma once
#include "core/layer.hpp"

namespace spv {

// V = scale (GSyn[0] - GSyn[1]) for every local neuron, on the layer's back-end; shared by the layers that combine
// channels this way.
void combine_channels(Layer& layer, float scale = 1.0f);

class HyPerLayer : public Layer {
 public:
  using Params = LayerParams;
  static const ParamSchema& param_schema();
  HyPerLayer(const ParamGroup& group, Params p, const BindResult&);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo& s) override;

 private:
  Params params_;
};

}  // namespace spv
