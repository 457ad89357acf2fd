// A layer type that exists only in the tests: V = 2 (GSyn[0] - GSyn[1]), A = V. With doubling_layer.cpp and one
// register_type line (custom_type_test.cpp), it is everything a new layer type needs: nothing else is edited.
#pragma once
#include "core/layer.hpp"

namespace spv::test {

class DoublingLayer : public Layer {
 public:
  using Params = LayerParams;
  static const ParamSchema& param_schema();
  DoublingLayer(const ParamGroup& group, Params p, const BindResult&);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo&) override;

 private:
  Params params_;
};

}  // namespace spv::test
