#include "layers/dependent_firm_threshold_cost_layer.hpp"

#include <cfloat>

#include "core/object_table.hpp"
#include "layers/threshold_layer.hpp"
#include "params/param_value.hpp"

namespace spv {

void DependentFirmThresholdCostLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  b.key("originalLayerName", &Params::originalLayerName, Required,
        "the threshold layer (ANNLayer, HyPerLCALayer, ...) whose VThresh and VWidth this layer uses")
      .key("VThresh", &Params::VThresh, 0.0, "taken from originalLayerName; if written, must equal the original's")
      .key("VWidth", &Params::VWidth, 0.0, "taken from originalLayerName; if written, must equal the original's");
}

std::vector<std::string> DependentFirmThresholdCostLayer::dependencies() const {
  auto deps = Layer::dependencies();
  deps.push_back(params().originalLayerName);
  return deps;
}

void DependentFirmThresholdCostLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  const Layer* original = objects.require<Layer>(params().originalLayerName, *this, "originalLayerName", "a layer");
  const auto* threshold_layer = dynamic_cast<const ThresholdLayer*>(original);
  const std::string quoted = "\"" + original->name() + "\"";
  if (!threshold_layer)
    fail("originalLayerName", quoted + " is a " + original->type() +
                                  ", which has no VThresh and VWidth; it must be a threshold layer such as ANNLayer");
  // The cost is the one of the firm threshold only when the transfer function has no offset or cap (OpenPV's rule).
  const Threshold& t = threshold_layer->threshold();
  if (!(t.a_max >= 0.99f * FLT_MAX))
    fail("originalLayerName", quoted + " has AMax = " + format_number(t.a_max) + "; it must be infinity");
  if (t.a_min != 0.0f) fail("originalLayerName", quoted + " has AMin = " + format_number(t.a_min) + "; it must be 0");
  if (t.a_shift != 0.0f)
    fail("originalLayerName", quoted + " has AShift = " + format_number(t.a_shift) + "; it must be 0");
  auto agree = [&](const char* key, double own, float theirs) {
    if (bind_result().has(key) && float(own) != theirs)
      fail(key, "is " + format_number(own) + " but originalLayerName " + quoted + " has " + format_number(theirs) +
                    "; this layer takes it from there (leave it out)");
  };
  agree("VThresh", params().VThresh, t.v_thresh);
  agree("VWidth", params().VWidth, t.v_width);
  set_cost_threshold(t.v_thresh, t.v_width);
  Layer::resolve(objects, ctx);
}

}  // namespace spv
