// BinningLayer (OpenPV's): one feature per bin of [binMin, binMax]; a neuron's value in originalLayerName (nf 1,
// delay steps old) is clamped into the range and marks its bin 1 and the others 0 (or -1 with zeroNeg false), or,
// with binSigma > 0, every bin gets a Gaussian of its distance from the value. Turns a label or depth map into
// one-hot features.
#pragma once
#include <string>

#include "core/group_type.hpp"
#include "layers/from_original_layer.hpp"

namespace spv {

struct BinningParams : FromOriginalParams {
  double binMin, binMax, binSigma;
  int delay;
  bool zeroNeg, zeroDCR;
};

class BinningLayer : public Typed<BinningLayer, BinningParams, FromOriginalLayer> {
 public:
  static constexpr const char* kType = "BinningLayer";
  static constexpr const char* kDoc =
      "nf bins over [binMin, binMax] of originalLayerName's A (nf 1, delay steps old): 1 in the value's bin, 0 (or "
      "-1 with zeroNeg false) elsewhere; binSigma > 0: exp(-(v - (f + 1/2) w)^2 / (2 (binSigma w)^2)), w the bin "
      "width; zeroDCR: a value of 0 marks no bin.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  void check_original(Layer& original) override;
  void update_state(const StepInfo& s) override;
  LayerGeometry compute_geometry(const RunContext& ctx) const override;
};

}  // namespace spv
