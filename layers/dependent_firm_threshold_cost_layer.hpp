// DependentFirmThresholdCostLayer: a FirmThresholdCostLayer that takes VThresh and VWidth from the threshold layer
// named by originalLayerName (OpenPV's DependentFirmThresholdCostLayer), e.g. the cost of an LCA layer's code.
#pragma once
#include <string>

#include "layers/firm_threshold_cost_layer.hpp"

namespace spv {

struct DependentFirmThresholdCostParams : LayerParams {
  std::string originalLayerName;
  double VThresh, VWidth;
};

class DependentFirmThresholdCostLayer
    : public Typed<DependentFirmThresholdCostLayer, DependentFirmThresholdCostParams, FirmThresholdCostBase> {
 public:
  static constexpr const char* kType = "DependentFirmThresholdCostLayer";
  static constexpr const char* kDoc =
      "FirmThresholdCostLayer with VThresh and VWidth of originalLayerName, a threshold layer with AMin = 0, AShift "
      "= 0 and AMax = infinity.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  std::vector<std::string> dependencies() const override;
  // Takes the threshold from the original; refuses an original that is not a plain soft/firm threshold layer, and
  // VThresh or VWidth written here with other values than the original's.
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
};

}  // namespace spv
