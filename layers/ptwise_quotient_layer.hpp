// PtwiseQuotientLayer (OpenPV's): V = GSyn[0] / GSyn[1], neuron by neuron; A = V.
#pragma once
#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv {

class PtwiseQuotientLayer : public Typed<PtwiseQuotientLayer, LayerParams, Layer> {
 public:
  static constexpr const char* kType = "PtwiseQuotientLayer";
  static constexpr const char* kDoc =
      "V = GSyn[0] / GSyn[1] neuron by neuron (IEEE division: x/0 is +-infinity or NaN); A = V.";
  static void declare(SchemaBuilder<Params>& b) { declare_layer_keys(b); }
  using Typed::Typed;

 protected:
  void update_state(const StepInfo& s) override;
};

}  // namespace spv
