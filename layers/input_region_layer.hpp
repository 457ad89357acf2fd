// InputRegionLayer (OpenPV's): A = 1 where its input layer (originalLayerName) shows input data, 0 where that layer
// shows padding; with the input's useInputBCflag the halo too. It has the input's phase, size and halo.
#pragma once
#include <string>

#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv {

class InputLayer;

struct InputRegionParams : LayerParams {
  std::string originalLayerName;
};

class InputRegionLayer : public Typed<InputRegionLayer, InputRegionParams, Layer> {
 public:
  static constexpr const char* kType = "InputRegionLayer";
  static constexpr const char* kDoc =
      "A = 1 where the input layer originalLayerName (ImageLayer, PvpLayer) covers the layer with its input, 0 where "
      "it pads; written by that layer at each new frame, in its phase, with its halo and boundary condition.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  // Nothing may deliver into it.
  int channels_needed() const override { return 0; }

 protected:
  bool has_v() const override { return false; }
  bool fills_own_boundary() const override;
  void initialize_state(const RunContext&) override {}
  void activity_from_v() override {}
  // The input writes A when it shows a frame.
  void update_state(const StepInfo&) override {}
  LayerGeometry compute_geometry(const RunContext& ctx) const override;

 private:
  InputLayer* original_ = nullptr;
};

}  // namespace spv
