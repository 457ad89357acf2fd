#include "tests/unit/column/doubling_layer.hpp"

#include "layers/hyper_layer.hpp"

namespace spv::test {

const ParamSchema& DoublingLayer::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("DoublingLayer", "V = 2 (GSyn[0] - GSyn[1]); A = V. A test-only type.");
    SchemaBuilder<Params> b(s);
    declare_layer_keys(b);
    return s;
  }();
  return s;
}

DoublingLayer::DoublingLayer(const ParamGroup& group, Params p, const BindResult&) : Layer(group, p), params_(p) {}

void DoublingLayer::update_state(const StepInfo&) {
  combine_channels(*this, 2.0f);
  activity_from_v();
}

}  // namespace spv::test
