#include "probes/l1_norm_lca_probe.hpp"

namespace spv {

const char* const L1NormLCAProbe::kDoc =
    "VThresh of the target layer * sum of |A|, per batch element (no coefficient key: VThresh is it).";

void L1NormLCAProbe::declare(SchemaBuilder<Params>& b) { declare_norm_probe_keys(b, false); }

void L1NormLCAProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  L1NormProbeBase::resolve(objects, ctx);
  set_coefficient(target_vthresh());
}

}  // namespace spv
