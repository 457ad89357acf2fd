// MaskLayer: an ANNLayer whose activity is zeroed where a mask says so (OpenPV's MaskLayer), e.g. to switch an error
// layer, and with it a whole input stream, off and on in time by a mask input.
#pragma once
#include <vector>

#include "core/group_type.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

enum class MaskMethod { Layer, InvertLayer, MaskFeatures, NoMaskFeatures };

struct MaskParams : ThresholdParams {
  MaskMethod maskMethod;
  std::string maskLayerName;
  std::vector<int> featureIdxs;
};

class MaskLayer : public Typed<MaskLayer, MaskParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "MaskLayer";
  static constexpr const char* kDoc =
      "V = GSyn[0] - GSyn[1]; A = T(V), then A = 0 where the mask says so (OpenPV's MaskLayer).";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  void update_state(const StepInfo& s) override;

 private:
  // Whether neuron (b, x, y, f) keeps its activity.
  bool kept(int b, int x, int y, int f) const;
  Layer* mask_ = nullptr;
  std::vector<char> masked_feature_;  // maskFeatures / noMaskFeatures: per feature, listed or not
};

}  // namespace spv
