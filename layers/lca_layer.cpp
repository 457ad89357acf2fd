#include "layers/lca_layer.hpp"

#include <cmath>

#include "core/kernels/parallel.hpp"
#include "core/object_table.hpp"
#include "layers/lca_math.hpp"

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
  const int rows = g.nbatch * g.ny;
  const int row_len = g.nx * g.nf;
  const float* exc = gsyn(0).data();
  const float* inh = gsyn(1).data();
#pragma omp parallel for schedule(static) if (long(rows) * row_len >= kParallelMinElements)
  for (int r = 0; r < rows; ++r) {
    const int b = r / g.ny, y = r % g.ny;
    const std::size_t offset = std::size_t(b) * g.neurons() + std::size_t(y) * row_len;
    const float* a = a_.data() + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0);
    float* v = v_.data() + offset;
    const float decay = decay_[std::size_t(b)];
    for (int i = 0; i < row_len; ++i)
      v[i] = lca_update(v[i], (exc[offset + i] - inh[offset + i]) + self * a[i], decay);
  }
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
  const float v_thresh = float(params_.VThresh);
  const int row_len = g.nx * g.nf;
  const float* exc = gsyn(0).data();
  const float* inh = gsyn(1).data();
  for (int b = 0; b < g.nbatch; ++b) {
    const float step_over_tau = float(step_size(b, s)) / float(tau_steps(s));
#pragma omp parallel for schedule(static) if (long(g.ny) * row_len >= kParallelMinElements)
    for (int y = 0; y < g.ny; ++y) {
      const std::size_t offset = std::size_t(b) * g.neurons() + std::size_t(y) * row_len;
      const float* a = a_.data() + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0);
      float* v = v_.data() + offset;
      for (int i = 0; i < row_len; ++i)
        v[i] = ista_update(v[i], exc[offset + i] - inh[offset + i], a[i], step_over_tau, v_thresh);
    }
  }
  activity_from_v();
}

}  // namespace spv
