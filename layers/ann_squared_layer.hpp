// ANNSquaredLayer (OpenPV's): V = GSyn[0]^2, A = T(V). It has the excitatory channel only.
#pragma once
#include "core/group_type.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

class ANNSquaredLayer : public Typed<ANNSquaredLayer, ThresholdParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "ANNSquaredLayer";
  static constexpr const char* kDoc = "V = GSyn[0]^2 (one input channel); A = T(V), the threshold transfer function.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  // OpenPV ignores (with a warning) any channel past the first; here a connection into one is an error.
  int channels_needed() const override { return 1; }

 protected:
  void update_state(const StepInfo& s) override;
};

}  // namespace spv
