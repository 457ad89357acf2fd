// ConstantLayer: takes its initial V (A = V) and never changes afterwards; and CloneVLayer: A = T(V of another layer).
#pragma once
#include "layers/threshold_layer.hpp"

namespace spv {

class ConstantLayer : public Layer {
 public:
  using Params = LayerParams;
  static const ParamSchema& param_schema();
  ConstantLayer(const ParamGroup& group, Params p, const BindResult&);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }

 protected:
  void update_state(const StepInfo&) override {}

 private:
  Params params_;
};

struct CloneVParams : ThresholdParams {
  std::string originalLayerName;
};

class CloneVLayer : public ThresholdLayer {
 public:
  using Params = CloneVParams;
  static const ParamSchema& param_schema();
  CloneVLayer(const ParamGroup& group, Params p, const BindResult& given);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  bool has_v() const override { return false; }
  void update_state(const StepInfo&) override { activity_from(original_->V()); }
  void initialize_state(const RunContext&) override {}
  void activity_from_v() override { activity_from(original_->V()); }
  LayerGeometry compute_geometry(const RunContext& ctx) const override;

 private:
  Params params_;
  Layer* original_ = nullptr;
};

}  // namespace spv
