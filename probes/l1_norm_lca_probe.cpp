#include "probes/l1_norm_lca_probe.hpp"

#include <cmath>

#include "params/param_value.hpp"

namespace spv {

const char* const L1NormLCAProbe::kDoc =
    "VThresh of the target layer * sum of |A|, per batch element (no coefficient key: VThresh is it).";

void L1NormLCAProbe::declare(SchemaBuilder<Params>& b) { declare_norm_probe_keys(b, false); }

void L1NormLCAProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  L1NormProbeBase::resolve(objects, ctx);
  const std::optional<double> vthresh = target().vthresh();
  if (!vthresh)
    fail("targetLayer", "names \"" + target().name() + "\", a " + target().type() +
                            ", which has no VThresh; L1NormLCAProbe needs a threshold layer such as HyPerLCALayer");
  if (!std::isfinite(*vthresh))
    fail("targetLayer", "layer \"" + target().name() + "\" has VThresh = " + format_number(*vthresh) +
                            "; L1NormLCAProbe uses VThresh as its coefficient and needs a finite one");
  set_coefficient(*vthresh);
}

}  // namespace spv
