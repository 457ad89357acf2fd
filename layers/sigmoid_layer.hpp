// SigmoidLayer (OpenPV's): A = a sigmoid (or its piecewise-linear form) of originalLayerName's V, set by the resting
// potential Vrest, the threshold VthRest and the activity SigmoidAlpha at Vrest.
#pragma once
#include <string>

#include "core/group_type.hpp"
#include "layers/from_original_layer.hpp"

namespace spv {

struct SigmoidParams : FromOriginalParams {
  double Vrest, VthRest;
  bool InverseFlag, SigmoidFlag;
  double SigmoidAlpha;
};

class SigmoidLayer : public Typed<SigmoidLayer, SigmoidParams, FromOriginalLayer> {
 public:
  static constexpr const char* kType = "SigmoidLayer";
  static constexpr const char* kDoc =
      "A = 1/(1 + e^(2 (V - Vth) s)) of originalLayerName's V, Vth = (Vrest + VthRest)/2, s = -ln(1/SigmoidAlpha - "
      "1)/(Vth - Vrest); SigmoidFlag false: clamp(1/2 - (V - Vth) s/(2 ln 3), 0, 1); InverseFlag: 1 - A.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  void check_original(Layer& original) override;
  void update_state(const StepInfo& s) override;
  LayerGeometry compute_geometry(const RunContext& ctx) const override;
};

}  // namespace spv
