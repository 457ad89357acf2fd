#include "layers/lca_layer.hpp"

#include <cmath>

#include "core/object_table.hpp"

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

}  // namespace

SparseCodingLayer::SparseCodingLayer(const ParamGroup& group, const Params& p) : ThresholdLayer(group, p), params_(p) {}

void SparseCodingLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  if (params_.adaptiveTimeScaleProbe.empty()) return;
  Object* o = objects.require<Object>(params_.adaptiveTimeScaleProbe, *this, "adaptiveTimeScaleProbe", "a probe");
  timescales_ = dynamic_cast<const TimeScaleSource*>(o);
  if (!timescales_)
    fail("adaptiveTimeScaleProbe", "names \"" + o->name() + "\", a " + o->type() +
                                       "; it must be an AdaptiveTimeScaleProbe or KneeTimeScaleProbe");
}

double SparseCodingLayer::step_size(int b, const StepInfo& s) const {
  return timescales_ ? timescales_->timescale(geometry_.batch0 + b) : s.dt;
}

const ParamSchema& HyPerLCALayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("HyPerLCALayer",
                  "LCA: V <- e^(-h/tau) V + (1 - e^(-h/tau)) (GSyn[0] - GSyn[1] + s A), A = T(V); tau = "
                  "timeConstantTau/dt, h the adaptive timescale or dt, s = selfInteract.");
    SchemaBuilder<Params> b(s);
    declare_sparse_coding_keys(b, true);
    return s;
  }();
  return s;
}

HyPerLCALayer::HyPerLCALayer(const ParamGroup& group, Params p, const BindResult& given)
    : SparseCodingLayer(group, with_threshold_defaults(p, given)) {}

void HyPerLCALayer::update_state(const StepInfo& s) {
  const LayerGeometry& g = geometry_;
  decay_.resize(std::size_t(g.nbatch));
  for (int b = 0; b < g.nbatch; ++b) decay_[std::size_t(b)] = float(std::exp(-step_size(b, s) / tau_steps(s)));
  const float self = params_.selfInteract ? 1.0f : 0.0f;
  backend().lca_update({g, kernel_v_rw(), kernel_gsyn(0), kernel_gsyn(1), kernel_a(), self, decay_});
  activity_from_v();
}

const ParamSchema& ISTALayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("ISTALayer",
                  "ISTA: V <- V + (h/tau) (GSyn[0] - GSyn[1] - VThresh sign(A)), A = T(V); wired as HyPerLCALayer.");
    SchemaBuilder<Params> b(s);
    declare_sparse_coding_keys(b, false);
    return s;
  }();
  return s;
}

ISTALayer::ISTALayer(const ParamGroup& group, Params p, const BindResult& given)
    : SparseCodingLayer(group, with_threshold_defaults(p, given)) {}

void ISTALayer::update_state(const StepInfo& s) {
  const LayerGeometry& g = geometry_;
  step_over_tau_.resize(std::size_t(g.nbatch));
  for (int b = 0; b < g.nbatch; ++b)
    step_over_tau_[std::size_t(b)] = float(step_size(b, s)) / float(tau_steps(s));
  backend().ista_update(
      {g, kernel_v_rw(), kernel_gsyn(0), kernel_gsyn(1), kernel_a(), float(params_.VThresh), step_over_tau_});
  activity_from_v();
}

}  // namespace spv
