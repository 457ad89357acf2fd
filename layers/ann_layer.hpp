// ANNLayer: V = GSyn[0] - GSyn[1], A = T(V) with the threshold transfer function; and ANNErrorLayer, the same with
// V scaled by errScale.
#pragma once
#include "core/group_type.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

class ANNLayer : public Typed<ANNLayer, ThresholdParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "ANNLayer";
  static constexpr const char* kDoc = "V = GSyn[0] - GSyn[1]; A = T(V), the threshold transfer function.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo& s) override;
};

struct ANNErrorParams : ThresholdParams {
  double errScale;
};

class ANNErrorLayer : public Typed<ANNErrorLayer, ANNErrorParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "ANNErrorLayer";
  static constexpr const char* kDoc =
      "V = errScale (GSyn[0] - GSyn[1]); A = T(V) (usually VThresh = -infinity: A = V).";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo& s) override;
};

}  // namespace spv
