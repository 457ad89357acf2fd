// MaskLayer: an ANNLayer whose activity is zeroed where a mask says so (OpenPV's MaskLayer), e.g. to switch an error
// layer, and with it a whole input stream, off and on in time by a mask input.
#pragma once
#include <vector>

#include "layers/threshold_layer.hpp"

namespace spv {

struct MaskParams : ThresholdParams {
  std::string maskMethod;
  std::string maskLayerName;
  std::vector<int> featureIdxs;
};

class MaskLayer : public ThresholdLayer {
 public:
  using Params = MaskParams;
  static const ParamSchema& param_schema();
  MaskLayer(const ParamGroup& group, Params p, const BindResult& given);
  const void* params_ptr() const override { return &params_; }
  const ParamSchema& schema() const override { return param_schema(); }
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  void update_state(const StepInfo& s) override;

 private:
  // Whether neuron (b, x, y, f) keeps its activity.
  bool kept(int b, int x, int y, int f) const;
  Params params_;
  Layer* mask_ = nullptr;
  std::vector<char> masked_feature_;  // maskFeatures / noMaskFeatures: per feature, listed or not
};

}  // namespace spv
