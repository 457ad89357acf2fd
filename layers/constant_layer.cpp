#include "layers/constant_layer.hpp"

#include "core/errors.hpp"
#include "core/object_table.hpp"

namespace spv {

const ParamSchema& ConstantLayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("ConstantLayer", "A = V = the initial V (InitVType); never updates.");
    SchemaBuilder<Params> b(s);
    declare_layer_keys(b);
    return s;
  }();
  return s;
}

ConstantLayer::ConstantLayer(const ParamGroup& group, Params p, const BindResult&) : Layer(group, p), params_(p) {}

const ParamSchema& CloneVLayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("CloneVLayer", "A = T(V of originalLayerName): a second transfer function on another layer's V.");
    SchemaBuilder<Params> b(s);
    declare_layer_keys(b);
    declare_threshold_keys(b);
    b.key("originalLayerName", &Params::originalLayerName, Required, "the layer whose V this layer reads");
    return s;
  }();
  return s;
}

CloneVLayer::CloneVLayer(const ParamGroup& group, Params p, const BindResult& given)
    : ThresholdLayer(group, with_threshold_defaults(p, given)), params_(with_threshold_defaults(p, given)) {}

std::vector<std::string> CloneVLayer::dependencies() const {
  auto deps = Layer::dependencies();
  deps.push_back(params_.originalLayerName);
  return deps;
}

void CloneVLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  original_ = objects.require<Layer>(params_.originalLayerName, *this, "originalLayerName", "a layer");
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
