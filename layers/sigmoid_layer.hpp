// SigmoidLayer (OpenPV's): A = a sigmoid (or its piecewise-linear form) of originalLayerName's V, set by the resting
// potential Vrest, the threshold VthRest and the activity SigmoidAlpha at Vrest.
#pragma once
#include <string>

#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv {

struct SigmoidParams : LayerParams {
  std::string originalLayerName;
  double Vrest, VthRest;
  bool InverseFlag, SigmoidFlag;
  double SigmoidAlpha;
};

class SigmoidLayer : public Typed<SigmoidLayer, SigmoidParams, Layer> {
 public:
  static constexpr const char* kType = "SigmoidLayer";
  static constexpr const char* kDoc =
      "A = 1/(1 + e^(2 (V - Vth) s)) of originalLayerName's V, Vth = (Vrest + VthRest)/2, s = -ln(1/SigmoidAlpha - "
      "1)/(Vth - Vrest); SigmoidFlag false: clamp(1/2 - (V - Vth) s/(2 ln 3), 0, 1); InverseFlag: 1 - A.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  bool has_v() const override { return false; }
  void initialize_state(const RunContext&) override {}
  // OpenPV starts a SigmoidLayer at A = 0; the transfer function applies from the first update on.
  void activity_from_v() override {}
  void update_state(const StepInfo& s) override;
  LayerGeometry compute_geometry(const RunContext& ctx) const override;

 private:
  Layer* original_ = nullptr;
};

}  // namespace spv
