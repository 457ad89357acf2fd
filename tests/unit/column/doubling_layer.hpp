// A layer type that exists only in the tests: V = 2 (GSyn[0] - GSyn[1]), A = V. With doubling_layer.cpp and one
// register_type line (custom_type_test.cpp), it is everything a new layer type needs: nothing else is edited.
#pragma once
#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv::test {

class DoublingLayer : public Typed<DoublingLayer, LayerParams, Layer> {
 public:
  static constexpr const char* kType = "DoublingLayer";
  static constexpr const char* kDoc = "V = 2 (GSyn[0] - GSyn[1]); A = V. A test-only type.";
  static void declare(SchemaBuilder<Params>& b) { declare_layer_keys(b); }
  using Typed::Typed;
  bool updates_with_kernels() const override { return true; }

 protected:
  void update_state(const StepInfo&) override;
};

}  // namespace spv::test
