#include "layers/background_layer.hpp"

#include "core/object_table.hpp"
#include "layers/same_size.hpp"

namespace spv {

void BackgroundLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  b.key("originalLayerName", &Params::originalLayerName, Required, "the layer whose activity this layer copies")
      .key("repFeatureNum", &Params::repFeatureNum, 1, "copies of each feature (1: no repetition)",
           {checks::at_least(1)});
}

std::vector<std::string> BackgroundLayer::dependencies() const {
  auto deps = Layer::dependencies();
  deps.push_back(params().originalLayerName);
  return deps;
}

void BackgroundLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  original_ = objects.require<Layer>(params().originalLayerName, *this, "originalLayerName", "a layer");
  Layer::resolve(objects, ctx);
}

LayerGeometry BackgroundLayer::compute_geometry(const RunContext& ctx) const {
  LayerGeometry own = Layer::compute_geometry(ctx);
  const int rep = int(params().repFeatureNum);
  require_same_size(name(), own, *original_, (original_->geometry().nf + 1) * rep,
                    "(nf of \"" + original_->name() + "\" + 1) * repFeatureNum");
  return own;
}

void BackgroundLayer::update_state(const StepInfo&) {
  const LayerGeometry& g = geometry_;
  const LayerGeometry& og = original_->geometry();
  const int rep = int(params().repFeatureNum);
  const float* original = original_->A().data();
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    const float* ob = original + std::size_t(b) * og.neurons_ext();
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x) {
        bool background = true;
        for (int f = 0; f < og.nf; ++f) {
          const float value = ob[og.ext_index(x, y, f)];
          if (value != 0.0f) background = false;
          for (int r = 0; r < rep; ++r) a[g.ext_index(x, y, (f + 1) * rep + r)] = value;
        }
        for (int r = 0; r < rep; ++r) a[g.ext_index(x, y, r)] = background ? 1.0f : 0.0f;
      }
  }
}

}  // namespace spv
