#include "probes/layer_probe.hpp"

#include "core/object_table.hpp"

namespace spv {

LayerProbe::LayerProbe(const ParamGroup& group, const LayerProbeParams& p)
    : BaseProbe(group, p), target_name_(p.targetLayer) {}

std::vector<std::string> LayerProbe::dependencies() const {
  auto deps = BaseProbe::dependencies();
  deps.push_back(target_name_);
  return deps;
}

void LayerProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  BaseProbe::resolve(objects, ctx);
  target_ = objects.require<Layer>(target_name_, *this, "targetLayer", "a layer");
}

}  // namespace spv
