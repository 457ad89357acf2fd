#include "layers/ann_layer.hpp"

#include "layers/hyper_layer.hpp"

namespace spv {

void ANNLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  declare_threshold_keys(b);
}

void ANNLayer::update_state(const StepInfo&) {
  combine_channels(*this);
  activity_from_v();
}

void ANNErrorLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  declare_threshold_keys(b);
  b.key("errScale", &Params::errScale, 1.0, "scale of the residual");
}

void ANNErrorLayer::update_state(const StepInfo&) {
  combine_channels(*this, float(params().errScale));
  activity_from_v();
}

}  // namespace spv
