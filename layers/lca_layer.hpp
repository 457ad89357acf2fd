// HyPerLCALayer (the Locally Competitive Algorithm) and ISTALayer: membrane dynamics driven by the residual's
// back-projection, with an optional adaptive step size per batch element.
#pragma once
#include <vector>

#include "core/group_type.hpp"
#include "layers/step_size.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

struct LcaParams : ThresholdParams {
  double timeConstantTau;
  bool selfInteract;
  std::string adaptiveTimeScaleProbe;
};

// The keys of HyPerLCALayer and ISTALayer (and the layers built on them), with selfInteract's default.
template <class P>
void declare_lca_keys(SchemaBuilder<P>& b, bool self_interact_default) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  declare_threshold_keys(b);
  b.key("timeConstantTau", &P::timeConstantTau, 1.0, "time constant of the membrane dynamics", {checks::positive()})
      .key("selfInteract", &P::selfInteract, self_interact_default,
           "add A to the drive (cancels the self-inhibition in Phi^T Phi a)")
      .key("adaptiveTimeScaleProbe", &P::adaptiveTimeScaleProbe, Nil,
           "AdaptiveTimeScaleProbe or KneeTimeScaleProbe giving the step size per batch element");
}

// tau in steps (timeConstantTau / dt), as OpenPV scales it.
inline double lca_tau_steps(const LcaParams& p, double dt) { return p.timeConstantTau / dt; }

class HyPerLCALayer : public Typed<HyPerLCALayer, LcaParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "HyPerLCALayer";
  static constexpr const char* kDoc =
      "LCA: V <- e^(-h/tau) V + (1 - e^(-h/tau)) (GSyn[0] - GSyn[1] + s A), A = T(V); tau = timeConstantTau/dt, h "
      "the adaptive timescale or dt, s = selfInteract.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo& s) override;

 private:
  StepSize step_size_;
  std::vector<float> decay_;  // e^(-h/tau) per local batch element, refreshed each step
};

class ISTALayer : public Typed<ISTALayer, LcaParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "ISTALayer";
  static constexpr const char* kDoc =
      "ISTA: V <- V + (h/tau) (GSyn[0] - GSyn[1] - VThresh sign(A)), A = T(V); wired as HyPerLCALayer.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo& s) override;

 private:
  StepSize step_size_;
  std::vector<float> step_over_tau_;  // h/tau per local batch element, refreshed each step
};

}  // namespace spv
