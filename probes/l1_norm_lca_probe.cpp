#include "probes/l1_norm_lca_probe.hpp"

#include <cmath>

#include "params/param_value.hpp"

namespace spv {

const ParamSchema& L1NormLCAProbe::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("L1NormLCAProbe",
                  "VThresh of the target layer * sum of |A|, per batch element (no coefficient key: VThresh is it).");
    SchemaBuilder<Params> b(s);
    declare_norm_probe_keys(b, false);
    return s;
  }();
  return s;
}

void L1NormLCAProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  L1NormProbe::resolve(objects, ctx);
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
