#include "layers/mask_layer.hpp"

#include "core/errors.hpp"
#include "core/object_table.hpp"
#include "layers/hyper_layer.hpp"

namespace spv {

void MaskLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  declare_threshold_keys(b);
  b.choice("maskMethod", &Params::maskMethod, Required,
           {{"layer", MaskMethod::Layer},
            {"invertLayer", MaskMethod::InvertLayer},
            {"maskFeatures", MaskMethod::MaskFeatures},
            {"noMaskFeatures", MaskMethod::NoMaskFeatures}},
           "layer: A = 0 where maskLayerName's activity is 0; invertLayer: where it is not 0; maskFeatures: for the "
           "features in featureIdxs; noMaskFeatures: for the features not in featureIdxs")
      .key("maskLayerName", &Params::maskLayerName, Nil,
           "(layer, invertLayer) the mask: same nx and ny, nf 1 (one value for every feature) or this layer's nf; "
           "its latest activity is read, so give it an earlier phase")
      .key("featureIdxs", &Params::featureIdxs, std::vector<int>{},
           "(maskFeatures, noMaskFeatures) the feature indices");
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    const bool by_layer = p.maskMethod == MaskMethod::Layer || p.maskMethod == MaskMethod::InvertLayer;
    if (by_layer && p.maskLayerName.empty()) return {"maskLayerName", "this maskMethod needs a maskLayerName"};
    if (!by_layer && p.featureIdxs.empty()) return {"featureIdxs", "this maskMethod needs featureIdxs"};
    return {"", ""};
  });
}

std::vector<std::string> MaskLayer::dependencies() const {
  auto deps = Layer::dependencies();
  if (!params().maskLayerName.empty()) deps.push_back(params().maskLayerName);
  return deps;
}

void MaskLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  const LayerGeometry& g = geometry();
  if (params().maskMethod == MaskMethod::Layer || params().maskMethod == MaskMethod::InvertLayer) {
    mask_ = objects.require<Layer>(params().maskLayerName, *this, "maskLayerName", "a layer");
    const LayerGeometry& m = mask_->geometry();
    if (m.nx_global != g.nx_global || m.ny_global != g.ny_global || (m.nf != 1 && m.nf != g.nf))
      throw GeometryError("layer \"" + name() + "\" (" + std::to_string(g.nx_global) + "x" +
                          std::to_string(g.ny_global) + "x" + std::to_string(g.nf) + ") and its maskLayerName \"" +
                          mask_->name() + "\" (" + std::to_string(m.nx_global) + "x" + std::to_string(m.ny_global) +
                          "x" + std::to_string(m.nf) + ") must have the same nx and ny, and the mask nf 1 or " +
                          std::to_string(g.nf));
  } else {
    masked_feature_.assign(std::size_t(g.nf), 0);
    for (int f : params().featureIdxs) {
      if (f < 0 || f >= g.nf)
        fail("featureIdxs", "feature " + std::to_string(f) + " is not in 0.." + std::to_string(g.nf - 1));
      masked_feature_[std::size_t(f)] = 1;
    }
  }
}

bool MaskLayer::kept(int b, int x, int y, int f) const {
  const MaskMethod method = params().maskMethod;
  if (method == MaskMethod::MaskFeatures) return !masked_feature_[std::size_t(f)];
  if (method == MaskMethod::NoMaskFeatures) return masked_feature_[std::size_t(f)];
  const LayerGeometry& m = mask_->geometry();
  const float value = mask_->A()[std::size_t(b) * m.neurons_ext() + m.ext_index(x, y, m.nf == 1 ? 0 : f)];
  return (value != 0.0f) == (method == MaskMethod::Layer);
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
