// WTALayer (OpenPV's, from its deprecated sources): one feature holding, at each position, which feature of
// originalLayerName is the most active, as a value: winner index * (binMax - binMin) / original nf + binMin. Turns
// a layer of one-hot depth bins back into a depth map.
#pragma once
#include "core/group_type.hpp"
#include "layers/from_original_layer.hpp"

namespace spv {

struct WtaParams : FromOriginalParams {
  double binMax, binMin;
};

class WtaLayer : public Typed<WtaLayer, WtaParams, FromOriginalLayer> {
 public:
  static constexpr const char* kType = "WTALayer";
  static constexpr const char* kDoc =
      "nf 1: at each position f* * (binMax - binMin) / nf_original + binMin, f* the first feature of "
      "originalLayerName's A with the largest value.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  void update_state(const StepInfo& s) override;
  LayerGeometry compute_geometry(const RunContext& ctx) const override;
};

}  // namespace spv
