#include "probes/register_probes.hpp"

#include "probes/adaptive_time_scale_probe.hpp"
#include "probes/column_energy_probe.hpp"
#include "probes/knee_time_scale_probe.hpp"
#include "probes/l0_norm_probe.hpp"
#include "probes/l1_norm_lca_probe.hpp"
#include "probes/l1_norm_probe.hpp"
#include "probes/l2_norm_probe.hpp"
#include "probes/point_probe.hpp"
#include "probes/require_all_zero_activity_probe.hpp"
#include "probes/stats_probe.hpp"

namespace spv {

void register_probes(Registry& registry) {
  register_type<L2NormProbe>(registry, "L2NormProbe", ObjectKind::Probe);
  register_type<L1NormProbe>(registry, "L1NormProbe", ObjectKind::Probe);
  register_type<L1NormLCAProbe>(registry, "L1NormLCAProbe", ObjectKind::Probe);
  register_type<L0NormProbe>(registry, "L0NormProbe", ObjectKind::Probe);
  register_type<ColumnEnergyProbe>(registry, "ColumnEnergyProbe", ObjectKind::Probe);
  register_type<AdaptiveTimeScaleProbe>(registry, "AdaptiveTimeScaleProbe", ObjectKind::Probe);
  register_type<KneeTimeScaleProbe>(registry, "KneeTimeScaleProbe", ObjectKind::Probe);
  register_type<StatsProbe>(registry, "StatsProbe", ObjectKind::Probe);
  register_type<PointProbe>(registry, "PointProbe", ObjectKind::Probe);
  register_type<RequireAllZeroActivityProbe>(registry, "RequireAllZeroActivityProbe", ObjectKind::Probe);
}

}  // namespace spv
