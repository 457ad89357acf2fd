#include "layers/constant_layer.hpp"

#include "core/errors.hpp"
#include "core/object_table.hpp"

namespace spv {

void CloneVLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_threshold_keys(b);
  b.key("originalLayerName", &Params::originalLayerName, Required, "the layer whose V this layer reads");
}

std::vector<std::string> CloneVLayer::dependencies() const {
  auto deps = Layer::dependencies();
  deps.push_back(params().originalLayerName);
  return deps;
}

void CloneVLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  original_ = objects.require<Layer>(params().originalLayerName, *this, "originalLayerName", "a layer");
  if (!original_->has_membrane())
    fail("originalLayerName", "\"" + original_->name() + "\" has no membrane potential");
  ThresholdLayer::resolve(objects, ctx);
}

LayerGeometry CloneVLayer::compute_geometry(const RunContext& ctx) const {
  LayerGeometry own = Layer::compute_geometry(ctx);
  LayerGeometry g = original_->geometry();
  if (own.nx_global != g.nx_global || own.ny_global != g.ny_global || own.nf != g.nf)
    throw GeometryError("layer \"" + name() + "\" (" + std::to_string(own.nx_global) + "x" +
                        std::to_string(own.ny_global) + "x" + std::to_string(own.nf) + ") must have the size of its "
                        "originalLayerName \"" + original_->name() + "\" (" + std::to_string(g.nx_global) + "x" +
                        std::to_string(g.ny_global) + "x" + std::to_string(g.nf) + ")");
  g.halo = {};
  return g;
}

}  // namespace spv
