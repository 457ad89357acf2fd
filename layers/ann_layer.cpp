#include "layers/ann_layer.hpp"

#include "layers/hyper_layer.hpp"

namespace spv {

const ParamSchema& ANNLayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("ANNLayer", "V = GSyn[0] - GSyn[1]; A = T(V), the threshold transfer function.");
    SchemaBuilder<Params> b(s);
    declare_layer_keys(b);
    declare_threshold_keys(b);
    return s;
  }();
  return s;
}

ANNLayer::ANNLayer(const ParamGroup& group, Params p, const BindResult& given)
    : ThresholdLayer(group, with_threshold_defaults(p, given)), params_(with_threshold_defaults(p, given)) {}

void ANNLayer::update_state(const StepInfo&) {
  combine_channels(*this);
  activity_from_v();
}

const ParamSchema& ANNErrorLayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("ANNErrorLayer", "V = errScale (GSyn[0] - GSyn[1]); A = T(V) (usually VThresh = -infinity: A = V).");
    SchemaBuilder<Params> b(s);
    declare_layer_keys(b);
    declare_threshold_keys(b);
    b.key("errScale", &Params::errScale, 1.0, "scale of the residual");
    return s;
  }();
  return s;
}

ANNErrorLayer::ANNErrorLayer(const ParamGroup& group, Params p, const BindResult& given)
    : ThresholdLayer(group, with_threshold_defaults(p, given)), params_(with_threshold_defaults(p, given)) {}

void ANNErrorLayer::update_state(const StepInfo&) {
  combine_channels(*this, float(params_.errScale));
  activity_from_v();
}

}  // namespace spv
