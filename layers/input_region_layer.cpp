#include "layers/input_region_layer.hpp"

#include "core/object_table.hpp"
#include "layers/input_layer.hpp"
#include "layers/same_size.hpp"
#include "params/param_value.hpp"

namespace spv {

void InputRegionLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  b.key("originalLayerName", &Params::originalLayerName, Required,
        "the input layer (ImageLayer, PvpLayer) whose covered region this layer shows");
}

std::vector<std::string> InputRegionLayer::dependencies() const {
  auto deps = Layer::dependencies();
  deps.push_back(params().originalLayerName);
  return deps;
}

void InputRegionLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  Layer* layer = objects.require<Layer>(params().originalLayerName, *this, "originalLayerName", "a layer");
  original_ = dynamic_cast<InputLayer*>(layer);
  if (!original_)
    fail("originalLayerName", "\"" + layer->name() + "\" is a " + layer->type() +
                                  "; an InputRegionLayer shows the region of an input layer (ImageLayer, PvpLayer)");
  // OpenPV takes the boundary condition from the input; a different one written here would be silently ignored.
  const LayerParams& theirs = original_->common();
  if (params().mirrorBCflag != theirs.mirrorBCflag)
    fail("mirrorBCflag", std::string("is ") + (params().mirrorBCflag ? "true" : "false") + " but originalLayerName \"" +
                             original_->name() + "\" has " + (theirs.mirrorBCflag ? "true" : "false") +
                             "; an InputRegionLayer has its input's boundary condition");
  if (!theirs.mirrorBCflag && params().valueBC != theirs.valueBC)
    fail("valueBC", "is " + format_number(params().valueBC) + " but originalLayerName \"" + original_->name() +
                        "\" has " + format_number(theirs.valueBC) +
                        "; an InputRegionLayer has its input's boundary condition");
  if (bind_result().has("phase") && params().phase != original_->phase())
    fail("phase", "is " + std::to_string(params().phase) + " but originalLayerName \"" + original_->name() +
                      "\" is in phase " + std::to_string(original_->phase()) +
                      "; an InputRegionLayer has its input's phase (leave phase out)");
  set_phase(original_->phase());
  original_->add_region_reader(*this);
  Layer::resolve(objects, ctx);
}

void InputRegionLayer::allocate(const RunContext& ctx) {
  // The input allocated first and took this layer's requested halo into its own; now take the input's.
  require_halo(original_->geometry().halo);
  Layer::allocate(ctx);
}

bool InputRegionLayer::fills_own_boundary() const { return original_ && original_->uses_input_bc(); }

LayerGeometry InputRegionLayer::compute_geometry(const RunContext& ctx) const {
  LayerGeometry own = Layer::compute_geometry(ctx);
  require_same_size(name(), own, *original_);
  return own;
}

}  // namespace spv
