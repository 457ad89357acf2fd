// RescaleLayer (OpenPV's): A = a rescaling of originalLayerName's activity, by whole-layer statistics per batch
// element (maxmin, meanstd, l2, l2NoMean), by statistics over the features at each position (pointmeanstd,
// pointResponseNormalization, softmax) or neuron by neuron (zerotonegative, logreg).
#pragma once
#include <string>

#include "core/group_type.hpp"
#include "layers/from_original_layer.hpp"

namespace spv {

enum class RescaleMethod {
  MaxMin,
  MeanStd,
  PointMeanStd,
  L2,
  L2NoMean,
  PointResponseNormalization,
  ZeroToNegative,
  Softmax,
  LogReg
};

struct RescaleParams : FromOriginalParams {
  RescaleMethod rescaleMethod;
  double targetMax, targetMin, targetMean, targetStd;
  int patchSize;
};

class RescaleLayer : public Typed<RescaleLayer, RescaleParams, FromOriginalLayer> {
 public:
  static constexpr const char* kType = "RescaleLayer";
  static constexpr const char* kDoc =
      "A = originalLayerName's activity rescaled by rescaleMethod (whole-layer statistics per batch element, "
      "split-independent; or per position over the features; or per neuron).";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  void update_state(const StepInfo& s) override;
  LayerGeometry compute_geometry(const RunContext& ctx) const override;

 private:
  // The original's activity at restricted (x, y, f) of local batch element b.
  float original_at(int b, int x, int y, int f) const;
  void rescale_by_layer_statistics();
  void rescale_by_position();
  void rescale_by_neuron();
  const float* original_a_ = nullptr;  // the original's activity, fetched once per update
  Communicator* comm_ = nullptr;
};

}  // namespace spv
