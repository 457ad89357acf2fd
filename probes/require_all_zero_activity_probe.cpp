#include "probes/require_all_zero_activity_probe.hpp"

#include <iostream>

#include "core/comm/communicator.hpp"
#include "params/param_value.hpp"

namespace spv {

const char* const RequireAllZeroActivityProbe::kDoc =
    "fails the run when the target's activity exceeds nnzThreshold in magnitude (writes StatsProbe lines).";

void RequireAllZeroActivityProbe::declare(SchemaBuilder<Params>& b) {
  declare_stats_keys(b, true);
  b.key("exitOnFailure", &Params::exitOnFailure, true,
        "non-zero activity stops the run; false: a warning, the run goes to its end and then fails (as in OpenPV)")
      .key("immediateExitOnFailure", &Params::immediateExitOnFailure, true,
           "with exitOnFailure: fail at the first such step instead of at the end of the run");
}

void RequireAllZeroActivityProbe::sample(const StepInfo& s, const RunContext& ctx) {
  StatsProbeBase::sample(s, ctx);
  if (!triggered(s) || first_failure_) return;
  std::string details;
  const std::vector<LayerStats>& st = stats();
  for (std::size_t b = 0; b < st.size(); ++b)
    if (st[b].nonzero != 0)
      details += "; batch element " + std::to_string(b) + " has " + std::to_string(st[b].nonzero) +
                 " values beyond it" + format_text(" (min %g, max %g)", double(st[b].min), double(st[b].max));
  if (details.empty()) return;
  first_failure_ = "probe \"" + name() + "\": layer \"" + target().name() + "\" has non-zero activity at step " +
                   std::to_string(s.step) + " (t = " + format_number(s.time) + "), nnzThreshold " +
                   format_number(params().nnzThreshold) + details;
  if (params().exitOnFailure && params().immediateExitOnFailure) throw Error(*first_failure_);
  if (!params().exitOnFailure && ctx.comm->is_root()) std::cerr << "warning: " << *first_failure_ << "\n";
}

void RequireAllZeroActivityProbe::finish(const RunContext& ctx) {
  StatsProbeBase::finish(ctx);
  // OpenPV's run reports failure whenever the probe found non-zero activity, whatever exitOnFailure says; that
  // only chooses whether the run stops early.
  if (first_failure_) throw Error(*first_failure_);
}

}  // namespace spv
