#include "probes/adaptive_time_scale_probe.hpp"

#include "core/checkpoint/checkpoint_registry.hpp"

#include "core/object_table.hpp"
#include "params/error.hpp"

namespace spv {

const char* const AdaptiveTimeScaleProbe::kDoc =
    "per batch element, the step size of the LCA layers that name it, adapted from the energy of the "
    "last two steps (OpenPV's AdaptiveTimeScaleController).";

void AdaptiveTimeScaleProbe::declare(SchemaBuilder<Params>& b) { declare_adaptive_time_scale_keys(b); }

static TimeScaleSettings settings_of(const AdaptiveTimeScaleParams& p) {
  return TimeScaleSettings{p.baseMax, p.baseMin, p.tauFactor, p.growthFactor};
}

TimeScaleSettings AdaptiveTimeScaleProbe::settings() const { return settings_of(params()); }

TimeScaleProbeBase::TimeScaleProbeBase(const ParamGroup& group, const AdaptiveTimeScaleParams& p)
    : BaseProbe(group, p), params_(p) {}

std::vector<std::string> TimeScaleProbeBase::dependencies() const {
  auto deps = BaseProbe::dependencies();
  deps.push_back(params_.targetName);
  return deps;
}

void TimeScaleProbeBase::resolve(ObjectTable& objects, const RunContext& ctx) {
  BaseProbe::resolve(objects, ctx);
  const auto* target = objects.require<BaseProbe>(params_.targetName, *this, "targetName", "a probe");
  if (!target->has_batch_values())
    fail("targetName", "names \"" + target->name() + "\", a " + target->type() +
                           ", which has no value per batch element; name an energy probe");
  target_ = target;
}

void TimeScaleProbeBase::allocate(const RunContext& ctx) { controller_.emplace(settings(), ctx.nbatch); }

void TimeScaleProbeBase::initialize(const RunContext& ctx) {
  BaseProbe::initialize(ctx);
  controller_.emplace(settings(), ctx.nbatch);
}

void TimeScaleProbeBase::prepare_step(const StepInfo& s, const RunContext& ctx) {
  std::vector<double>& energies = energies_;
  energies.assign(std::size_t(ctx.nbatch), -1.0);
  if (!(has_trigger() && triggered(s))) {
    // Before the target's first sample its values are zero, as OpenPV's are.
    const std::vector<double>& e = target_->raw_values();
    for (std::size_t b = 0; b < energies.size(); ++b) energies[b] = b < e.size() ? e[b] : 0.0;
  }
  controller_->update(energies);
  timescales_.clear();
  for (const TimeScaleState& t : controller_->state()) timescales_.push_back(t.timescale);
  set_raw_values(timescales_);
}

void TimeScaleProbeBase::sample(const StepInfo& s, const RunContext&) { write(s); }

double TimeScaleProbeBase::timescale(int batch) const {
  if (!controller_) throw Error("probe \"" + name() + "\" was asked for a timescale before it was allocated");
  return controller_->state().at(std::size_t(batch)).timescale;
}

void TimeScaleProbeBase::write(const StepInfo& s) {
  if (!output().is_open()) return;
  const auto& state = controller_->state();
  for (std::size_t b = 0; b < state.size(); ++b) {
    const TimeScaleState& t = state[b];
    if (params_.writeTimeScaleFieldnames)
      output().print(int(b),
                     "sim_time = %f\n\tbatch = %d, timeScale = %10.8f, timeScaleTrue = %10.8f, timeScaleMax = %10.8f\n",
                     s.time, int(b), t.timescale, t.timescale_true, t.timescale_max);
    else
      output().print(int(b), "%f, %d, %10.8f, %10.8f, %10.8f\n", s.time, int(b), t.timescale, t.timescale_true,
                     t.timescale_max);
  }
}

}  // namespace spv

namespace spv {

void TimeScaleProbeBase::register_state(CheckpointRegistry& r, const RunContext& ctx) {
  BaseProbe::register_state(r, ctx);
  r.add_pod_vector("timescales", controller_->mutable_state(), EntryKind::Run);
}

}  // namespace spv
