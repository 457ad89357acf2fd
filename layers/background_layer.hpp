// BackgroundLayer (OpenPV's): originalLayerName's activity with a "background" feature in front, 1 where every
// original feature is zero and 0 elsewhere, each feature repeated repFeatureNum times: nf = (original nf + 1) *
// repFeatureNum. Used to give a classifier a "nothing here" class.
#pragma once
#include <string>

#include "core/group_type.hpp"
#include "layers/from_original_layer.hpp"

namespace spv {

struct BackgroundParams : FromOriginalParams {
  int repFeatureNum;
};

class BackgroundLayer : public Typed<BackgroundLayer, BackgroundParams, FromOriginalLayer> {
 public:
  static constexpr const char* kType = "BackgroundLayer";
  static constexpr const char* kDoc =
      "originalLayerName's A with a background feature first (1 where all its features are 0), every feature "
      "repeated repFeatureNum times: nf = (original nf + 1) * repFeatureNum.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  void update_state(const StepInfo& s) override;
  LayerGeometry compute_geometry(const RunContext& ctx) const override;
};

}  // namespace spv
