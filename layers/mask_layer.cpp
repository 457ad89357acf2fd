#include "layers/mask_layer.hpp"

#include "core/errors.hpp"
#include "core/object_table.hpp"
#include "layers/hyper_layer.hpp"

namespace spv {

const ParamSchema& MaskLayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("MaskLayer",
                  "V = GSyn[0] - GSyn[1]; A = T(V), then A = 0 where the mask says so (OpenPV's MaskLayer).");
    SchemaBuilder<Params> b(s);
    declare_layer_keys(b);
    declare_threshold_keys(b);
    b.key("maskMethod", &Params::maskMethod, Required,
          "layer: A = 0 where maskLayerName's activity is 0; invertLayer: where it is not 0; maskFeatures: for the "
          "features in featureIdxs; noMaskFeatures: for the features not in featureIdxs",
          {checks::one_of({"layer", "invertLayer", "maskFeatures", "noMaskFeatures"})})
        .key("maskLayerName", &Params::maskLayerName, Nil,
             "(layer, invertLayer) the mask: same nx and ny, nf 1 (one value for every feature) or this layer's nf; "
             "its latest activity is read, so give it an earlier phase")
        .key("featureIdxs", &Params::featureIdxs, std::vector<int>{},
             "(maskFeatures, noMaskFeatures) the feature indices");
    b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
      const bool by_layer = p.maskMethod == "layer" || p.maskMethod == "invertLayer";
      const std::string method = "maskMethod \"" + p.maskMethod + "\"";
      if (by_layer && p.maskLayerName.empty()) return {"maskLayerName", method + " needs a maskLayerName"};
      if (!by_layer && p.featureIdxs.empty()) return {"featureIdxs", method + " needs featureIdxs"};
      return {"", ""};
    });
    return s;
  }();
  return s;
}

MaskLayer::MaskLayer(const ParamGroup& group, Params p, const BindResult& given)
    : ThresholdLayer(group, with_threshold_defaults(p, given)), params_(with_threshold_defaults(p, given)) {}

std::vector<std::string> MaskLayer::dependencies() const {
  auto deps = Layer::dependencies();
  if (!params_.maskLayerName.empty()) deps.push_back(params_.maskLayerName);
  return deps;
}

void MaskLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  const LayerGeometry& g = geometry();
  if (params_.maskMethod == "layer" || params_.maskMethod == "invertLayer") {
    mask_ = objects.require<Layer>(params_.maskLayerName, *this, "maskLayerName", "a layer");
    const LayerGeometry& m = mask_->geometry();
    if (m.nx_global != g.nx_global || m.ny_global != g.ny_global || (m.nf != 1 && m.nf != g.nf))
      throw GeometryError("layer \"" + name() + "\" (" + std::to_string(g.nx_global) + "x" +
                          std::to_string(g.ny_global) + "x" + std::to_string(g.nf) + ") and its maskLayerName \"" +
                          mask_->name() + "\" (" + std::to_string(m.nx_global) + "x" + std::to_string(m.ny_global) +
                          "x" + std::to_string(m.nf) + ") must have the same nx and ny, and the mask nf 1 or " +
                          std::to_string(g.nf));
  } else {
    masked_feature_.assign(std::size_t(g.nf), 0);
    for (int f : params_.featureIdxs) {
      if (f < 0 || f >= g.nf)
        fail("featureIdxs", "feature " + std::to_string(f) + " is not in 0.." + std::to_string(g.nf - 1));
      masked_feature_[std::size_t(f)] = 1;
    }
  }
}

bool MaskLayer::kept(int b, int x, int y, int f) const {
  const std::string& method = params_.maskMethod;
  if (method == "maskFeatures") return !masked_feature_[std::size_t(f)];
  if (method == "noMaskFeatures") return masked_feature_[std::size_t(f)];
  const LayerGeometry& m = mask_->geometry();
  const float value = mask_->A()[std::size_t(b) * m.neurons_ext() + m.ext_index(x, y, m.nf == 1 ? 0 : f)];
  return (value != 0.0f) == (method == "layer");
}

void MaskLayer::update_state(const StepInfo&) {
  combine_channels(*this);
  activity_from_v();
  const LayerGeometry& g = geometry_;
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f)
          if (!kept(b, x, y, f)) a[g.ext_index(x, y, f)] = 0.0f;
  }
}

}  // namespace spv
