#include "layers/lca_layer.hpp"

#include <cmath>

namespace spv {

namespace {

template <class P>
void declare_sparse_coding_keys(SchemaBuilder<P>& b, bool self_interact_default) {
  declare_layer_keys(b);
  declare_threshold_keys(b);
  b.key("timeConstantTau", &P::timeConstantTau, 1.0, "time constant of the membrane dynamics", {checks::positive()})
      .key("selfInteract", &P::selfInteract, self_interact_default,
           "add A to the drive (cancels the self-inhibition in Phi^T Phi a)")
      .key("adaptiveTimeScaleProbe", &P::adaptiveTimeScaleProbe, Nil,
           "AdaptiveTimeScaleProbe or KneeTimeScaleProbe giving the step size per batch element");
}

// tau in steps (timeConstantTau / dt), as OpenPV scales it.
double tau_steps(const LcaParams& p, const StepInfo& s) { return p.timeConstantTau / s.dt; }

}  // namespace

void HyPerLCALayer::declare(SchemaBuilder<Params>& b) { declare_sparse_coding_keys(b, true); }

void HyPerLCALayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  step_size_.resolve(*this, objects, params().adaptiveTimeScaleProbe);
}

void HyPerLCALayer::update_state(const StepInfo& s) {
  const LayerGeometry& g = geometry_;
  decay_.resize(std::size_t(g.nbatch));
  for (int b = 0; b < g.nbatch; ++b)
    decay_[std::size_t(b)] = float(std::exp(-step_size_.at(g.batch0 + b, s.dt) / tau_steps(params(), s)));
  const float self = params().selfInteract ? 1.0f : 0.0f;
  backend().lca_update({g, kernel_v_rw(), kernel_gsyn(0), kernel_gsyn(1), kernel_a(), self, decay_});
  activity_from_v();
}

void ISTALayer::declare(SchemaBuilder<Params>& b) { declare_sparse_coding_keys(b, false); }

void ISTALayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  step_size_.resolve(*this, objects, params().adaptiveTimeScaleProbe);
}

void ISTALayer::update_state(const StepInfo& s) {
  const LayerGeometry& g = geometry_;
  step_over_tau_.resize(std::size_t(g.nbatch));
  for (int b = 0; b < g.nbatch; ++b)
    step_over_tau_[std::size_t(b)] = float(step_size_.at(g.batch0 + b, s.dt)) / float(tau_steps(params(), s));
  backend().ista_update(
      {g, kernel_v_rw(), kernel_gsyn(0), kernel_gsyn(1), kernel_a(), float(params().VThresh), step_over_tau_});
  activity_from_v();
}

}  // namespace spv
