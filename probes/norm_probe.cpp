#include "probes/norm_probe.hpp"

#include <cmath>

#include "core/object_table.hpp"
#include "params/param_value.hpp"

namespace spv {

NormProbe::NormProbe(const ParamGroup& group, const NormProbeParams& p)
    : LayerProbe(group, p), mask_name_(p.maskLayerName) {}

std::vector<std::string> NormProbe::dependencies() const {
  auto deps = LayerProbe::dependencies();
  if (!mask_name_.empty()) deps.push_back(mask_name_);
  return deps;
}

void NormProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  LayerProbe::resolve(objects, ctx);
  if (mask_name_.empty()) return;
  mask_ = objects.require<Layer>(mask_name_, *this, "maskLayerName", "a layer");
  const LayerGeometry& g = target().geometry();
  const LayerGeometry& mg = mask_->geometry();
  auto size = [](const LayerGeometry& x) {
    return std::to_string(x.nx_global) + "x" + std::to_string(x.ny_global) + "x" + std::to_string(x.nf);
  };
  if (mg.nx_global != g.nx_global || mg.ny_global != g.ny_global || (mg.nf != 1 && mg.nf != g.nf))
    fail("maskLayerName", "mask \"" + mask_->name() + "\" is " + size(mg) + " but target \"" + target().name() +
                              "\" is " + size(g) + "; a mask needs the same nx and ny, and nf 1 or the target's");
}

double NormProbe::target_vthresh() const {
  const std::optional<double> vthresh = target().vthresh();
  if (!vthresh)
    fail("targetLayer", "names \"" + target().name() + "\", a " + target().type() + ", which has no VThresh; " +
                            type() + " needs a threshold layer such as HyPerLCALayer");
  if (!std::isfinite(*vthresh))
    fail("targetLayer", "layer \"" + target().name() + "\" has VThresh = " + format_number(*vthresh) + "; " + type() +
                            " derives its coefficient from VThresh and needs a finite one");
  return *vthresh;
}

void NormProbe::compute(const StepInfo&, const RunContext& ctx) {
  const LayerGeometry& g = target().geometry();
  std::vector<GridSum>& sums = sums_;
  sums.assign(std::size_t(g.nbatch_global), GridSum());
  for (int b = 0; b < g.nbatch; ++b) sums[std::size_t(g.batch0 + b)] = local_sum(b);
  reduce_sums(sums, *ctx.comm, words_);
  norms_.resize(sums.size());
  for (std::size_t b = 0; b < sums.size(); ++b) norms_[b] = norm_from_sum(sums[b].value());
  set_raw_values(norms_);
}

void NormProbe::write(const StepInfo& s) {
  if (!output().is_open()) return;
  const int neurons = int(target().geometry().global_neurons());
  for (std::size_t b = 0; b < raw_values().size(); ++b)
    output().print(int(b), "%6.3f, %d, %8d, %f\n", s.time, int(b), neurons, raw_values()[b]);
}

}  // namespace spv
