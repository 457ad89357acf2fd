// ConstantLayer: takes its initial V (A = V) and never changes afterwards; and CloneVLayer: A = T(V of another layer).
#pragma once
#include "core/group_type.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

class ConstantLayer : public Typed<ConstantLayer, LayerParams, Layer> {
 public:
  static constexpr const char* kType = "ConstantLayer";
  static constexpr const char* kDoc = "A = V = the initial V (InitVType); never updates.";
  static void declare(SchemaBuilder<Params>& b) { declare_layer_keys(b); }
  using Typed::Typed;

 protected:
  void update_state(const StepInfo&) override {}
};

struct CloneVParams : ThresholdParams {
  std::string originalLayerName;
};

class CloneVLayer : public Typed<CloneVLayer, CloneVParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "CloneVLayer";
  static constexpr const char* kDoc = "A = T(V of originalLayerName): a second transfer function on another layer's V.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  bool has_v() const override { return false; }
  void update_state(const StepInfo&) override { activity_from(original_->V()); }
  void initialize_state(const RunContext&) override {}
  void activity_from_v() override { activity_from(original_->V()); }
  LayerGeometry compute_geometry(const RunContext& ctx) const override;

 private:
  Layer* original_ = nullptr;
};

}  // namespace spv
