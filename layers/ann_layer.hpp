// ANNLayer: V = GSyn[0] - GSyn[1], A = T(V) with the threshold transfer function; and ANNErrorLayer, the same with
// V scaled by errScale.
#pragma once
#include "layers/threshold_layer.hpp"

namespace spv {

class ANNLayer : public ThresholdLayer {
 public:
  using Params = ThresholdParams;
  static const ParamSchema& param_schema();
  ANNLayer(const ParamGroup& group, Params p, const BindResult& given);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo& s) override;

 private:
  Params params_;
};

struct ANNErrorParams : ThresholdParams {
  double errScale;
};

class ANNErrorLayer : public ThresholdLayer {
 public:
  using Params = ANNErrorParams;
  static const ParamSchema& param_schema();
  ANNErrorLayer(const ParamGroup& group, Params p, const BindResult& given);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo& s) override;

 private:
  Params params_;
};

}  // namespace spv
