#include "layers/lca_layer.hpp"

#include <cmath>

namespace spv {

void HyPerLCALayer::declare(SchemaBuilder<Params>& b) { declare_lca_keys(b, true); }

void HyPerLCALayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  step_size_.resolve(*this, objects, params().adaptiveTimeScaleProbe);
}

void HyPerLCALayer::update_state(const StepInfo& s) {
  const LayerGeometry& g = geometry_;
  decay_.resize(std::size_t(g.nbatch));
  for (int b = 0; b < g.nbatch; ++b)
    decay_[std::size_t(b)] = float(std::exp(-step_size_.at(g.batch0 + b, s.dt) / lca_tau_steps(params(), s.dt)));
  const float self = params().selfInteract ? 1.0f : 0.0f;
  backend().lca_update({g, kernel_v_rw(), kernel_gsyn(0), kernel_gsyn(1), kernel_a(), self, decay_});
  activity_from_v();
}

void ISTALayer::declare(SchemaBuilder<Params>& b) { declare_lca_keys(b, false); }

void ISTALayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  step_size_.resolve(*this, objects, params().adaptiveTimeScaleProbe);
}

void ISTALayer::update_state(const StepInfo& s) {
  const LayerGeometry& g = geometry_;
  step_over_tau_.resize(std::size_t(g.nbatch));
  for (int b = 0; b < g.nbatch; ++b)
    step_over_tau_[std::size_t(b)] = float(step_size_.at(g.batch0 + b, s.dt)) / float(lca_tau_steps(params(), s.dt));
  backend().ista_update(
      {g, kernel_v_rw(), kernel_gsyn(0), kernel_gsyn(1), kernel_a(), float(params().VThresh), step_over_tau_});
  activity_from_v();
}

}  // namespace spv
