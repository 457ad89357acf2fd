#include "layers/background_layer.hpp"

#include "layers/same_size.hpp"

namespace spv {

void BackgroundLayer::declare(SchemaBuilder<Params>& b) {
  declare_from_original_keys(b, "the layer whose activity this layer copies");
  b.key("repFeatureNum", &Params::repFeatureNum, 1, "copies of each feature (1: no repetition)", {checks::at_least(1)});
}

LayerGeometry BackgroundLayer::compute_geometry(const RunContext& ctx) const {
  LayerGeometry own = Layer::compute_geometry(ctx);
  const int rep = int(params().repFeatureNum);
  require_same_size(name(), own, original(), (original().geometry().nf + 1) * rep,
                    "(nf of \"" + original().name() + "\" + 1) * repFeatureNum");
  return own;
}

void BackgroundLayer::update_state(const StepInfo&) {
  const LayerGeometry& g = geometry_;
  const LayerGeometry& og = original().geometry();
  const int rep = int(params().repFeatureNum);
  const float* source = original().A().data();
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    const float* ob = source + std::size_t(b) * og.neurons_ext();
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
