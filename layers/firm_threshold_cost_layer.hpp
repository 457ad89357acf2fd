// FirmThresholdCostLayer: V = GSyn[0] - GSyn[1]; A = the firm-threshold cost of V, the penalty whose proximal map is
// the firm threshold (OpenPV's FirmThresholdCostLayer). DependentFirmThresholdCostLayer reuses the base below.
#pragma once
#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv {

// A = |V| (1 - |V| / (2 (VThresh + VWidth))) while |V| <= VThresh + VWidth, else (VThresh + VWidth) / 2, in
// OpenPV's float arithmetic; the threshold values are set by the concrete type (set_cost_threshold).
class FirmThresholdCostBase : public Layer {
 public:
  using Layer::Layer;

 protected:
  void set_cost_threshold(float v_thresh, float v_width) { v_thresh_ = v_thresh, v_width_ = v_width; }
  void update_state(const StepInfo& s) override;
  void activity_from_v() override;

 private:
  float v_thresh_ = 0.0f, v_width_ = 0.0f;
};

struct FirmThresholdCostParams : LayerParams {
  double VThresh, VWidth;
};

class FirmThresholdCostLayer : public Typed<FirmThresholdCostLayer, FirmThresholdCostParams, FirmThresholdCostBase> {
 public:
  static constexpr const char* kType = "FirmThresholdCostLayer";
  static constexpr const char* kDoc =
      "V = GSyn[0] - GSyn[1]; A = |V| (1 - |V|/(2 w)) for |V| <= w, else w/2, with w = VThresh + VWidth (the cost "
      "whose proximal map is the firm threshold).";
  static void declare(SchemaBuilder<Params>& b);
  explicit FirmThresholdCostLayer(const ParamGroup& group);
};

}  // namespace spv
