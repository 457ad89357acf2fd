// AdaptiveTimeScaleProbe: per batch element, the step size an LCA layer takes (its adaptiveTimeScaleProbe), adapted
// at the start of each step from the energy probe named by targetName; the trigger layer's new input resets it.
#pragma once
#include "core/group_type.hpp"
#include <optional>

#include "probes/base_probe.hpp"
#include "probes/time_scale_controller.hpp"

namespace spv {

struct AdaptiveTimeScaleParams : ProbeParams {
  std::string targetName;
  double baseMax, baseMin, tauFactor, growthFactor;
  bool writeTimeScaleFieldnames;
};

template <class P>
void declare_adaptive_time_scale_keys(SchemaBuilder<P>& b) {
  using namespace checks;
  declare_probe_keys(b);
  b.key("targetName", &P::targetName, Required, "the energy probe (usually a ColumnEnergyProbe) to follow")
      .key("baseMax", &P::baseMax, 1.0, "initial cap of the timescale", {positive()})
      .key("baseMin", &P::baseMin, 1.0, "timescale after a reset or when the energy rises", {positive()})
      .key("tauFactor", &P::tauFactor, 1.0, "timescale = tauFactor * E / (rate at which E falls)", {positive()})
      .key("growthFactor", &P::growthFactor, 1.0, "the cap grows by (1 + growthFactor) each time it is reached",
           {non_negative()})
      .key("writeTimeScaleFieldnames", &P::writeTimeScaleFieldnames, true,
           "lines as 'sim_time = ...' with field names; false: comma-separated values")
      .alias("writeTimeScaleFieldnames", "writeTimeScalesFieldnames");
}

// What AdaptiveTimeScaleProbe and KneeTimeScaleProbe share; the concrete types own the params and say the settings.
class TimeScaleProbeBase : public BaseProbe, public TimeScaleSource {
 public:
  TimeScaleProbeBase(const ParamGroup& group, const AdaptiveTimeScaleParams& p);

  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  std::string target_description() const override { return "probe " + params_.targetName; }
  void allocate(const RunContext& ctx) override;
  void initialize(const RunContext& ctx) override;
  // New timescales from the target's raw values (the energy after the last step), or a reset when triggered.
  void prepare_step(const StepInfo& s, const RunContext& ctx) override;
  // Writes every step: the trigger resets the timescale rather than gating the output.
  void sample(const StepInfo& s, const RunContext& ctx) override;

  double timescale(int batch) const override;
  // Adds the controller state per batch element (timescale, its energy, the cap) to the probe's state.
  void register_state(CheckpointRegistry& r, const RunContext& ctx) override;
  const std::vector<TimeScaleState>& state() const { return controller_->state(); }

 protected:
  // The controller's settings, from the concrete type's params.
  virtual TimeScaleSettings settings() const = 0;
  void compute(const StepInfo&, const RunContext&) override {}
  void write(const StepInfo& s) override;
  // Names the values of write's records, in either layout (comma-separated, or the two lines with field names).
  std::string header() const override { return "time,index,timeScale,timeScaleTrue,timeScaleMax"; }

 private:
  const AdaptiveTimeScaleParams& params_;  // a view of the concrete type's params
  const BaseProbe* target_ = nullptr;
  std::optional<TimeScaleController> controller_;
  std::vector<double> energies_, timescales_;  // scratch of prepare_step, reused every step
};

class AdaptiveTimeScaleProbe : public Typed<AdaptiveTimeScaleProbe, AdaptiveTimeScaleParams, TimeScaleProbeBase> {
 public:
  static constexpr const char* kType = "AdaptiveTimeScaleProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  TimeScaleSettings settings() const override;
};

}  // namespace spv
