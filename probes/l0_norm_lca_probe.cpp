#include "probes/l0_norm_lca_probe.hpp"

namespace spv {

const char* const L0NormLCAProbe::kDoc =
    "VThresh^2 / 2 * number of neurons with |A| > VThresh of the target layer, per batch element (no coefficient "
    "or nnzThreshold key: both come from VThresh).";

void L0NormLCAProbe::declare(SchemaBuilder<Params>& b) { declare_norm_probe_keys(b, false); }

void L0NormLCAProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  L0NormProbeBase::resolve(objects, ctx);
  threshold_ = target_vthresh();
  set_coefficient(0.5 * threshold_ * threshold_);
}

}  // namespace spv
