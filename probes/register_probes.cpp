#include "probes/register_probes.hpp"

#include "probes/adaptive_time_scale_probe.hpp"
#include "probes/column_energy_probe.hpp"
#include "probes/firm_threshold_cost_fn_lca_probe.hpp"
#include "probes/firm_threshold_cost_fn_probe.hpp"
#include "probes/knee_time_scale_probe.hpp"
#include "probes/l0_norm_lca_probe.hpp"
#include "probes/l0_norm_probe.hpp"
#include "probes/l1_norm_lca_probe.hpp"
#include "probes/l1_norm_probe.hpp"
#include "probes/l2_norm_probe.hpp"
#include "probes/log_time_scale_probe.hpp"
#include "probes/point_probe.hpp"
#include "probes/quotient_probe.hpp"
#include "probes/require_all_zero_activity_probe.hpp"
#include "probes/stats_probe.hpp"

namespace spv {

void register_probes(Registry& registry) {
  register_type<L2NormProbe>(registry);
  register_type<L1NormProbe>(registry);
  register_type<L1NormLCAProbe>(registry);
  register_type<L0NormProbe>(registry);
  register_type<L0NormLCAProbe>(registry);
  register_type<FirmThresholdCostFnProbe>(registry);
  register_type<FirmThresholdCostFnLCAProbe>(registry);
  register_type<ColumnEnergyProbe>(registry);
  register_type<AdaptiveTimeScaleProbe>(registry);
  register_type<KneeTimeScaleProbe>(registry);
  register_type<LogTimeScaleProbe>(registry);
  register_type<QuotientProbe>(registry);
  register_type<StatsProbe>(registry);
  register_type<PointProbe>(registry);
  register_type<RequireAllZeroActivityProbe>(registry);
}

}  // namespace spv
