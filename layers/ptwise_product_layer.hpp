// PtwiseProductLayer (OpenPV's): V = GSyn[0] * GSyn[1], neuron by neuron; A = T(V).
#pragma once
#include "core/group_type.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

class PtwiseProductLayer : public Typed<PtwiseProductLayer, ThresholdParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "PtwiseProductLayer";
  static constexpr const char* kDoc =
      "V = GSyn[0] * GSyn[1] neuron by neuron; A = T(V), the threshold transfer function.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  void update_state(const StepInfo& s) override;
};

}  // namespace spv
