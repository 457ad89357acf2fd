// The base of layers whose activity is computed from another layer's (originalLayerName): they hold no V, their A
// starts at 0 as in OpenPV, and the original is built and updated first.
#pragma once
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "core/layer_params.hpp"

namespace spv {

struct FromOriginalParams : LayerParams {
  std::string originalLayerName;
};

// The layer keys and originalLayerName, whose doc says what this type does with the original.
template <class P>
void declare_from_original_keys(SchemaBuilder<P>& b, const char* original_doc) {
  declare_layer_keys(b);
  b.key("originalLayerName", &P::originalLayerName, Required, original_doc);
}

class FromOriginalLayer : public Layer {
 public:
  FromOriginalLayer(const ParamGroup& group, const FromOriginalParams& params)
      : Layer(group, params), original_name_(params.originalLayerName) {}
  std::vector<std::string> dependencies() const override;
  // Finds the original (and checks what check_original asks), then resolves the layer itself.
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  bool has_v() const override { return false; }
  void initialize_state(const RunContext&) override {}
  // The activity comes from the original at each update, never from a V.
  void activity_from_v() override {}
  // What a type needs of its original beyond being a layer; throws through fail() when it is not met.
  virtual void check_original(Layer&) {}
  const Layer& original() const { return *original_; }

 private:
  std::string original_name_;
  Layer* original_ = nullptr;
};

}  // namespace spv
