// Base of layers whose activity is the threshold transfer function of V (ANN, error, LCA, ISTA, V clones).
#pragma once
#include <limits>

#include "core/layer.hpp"
#include "layers/threshold_math.hpp"

namespace spv {

struct ThresholdParams : LayerParams {
  double VThresh, AMin, AMax, AShift, VWidth;
};

template <class P>
void declare_threshold_keys(SchemaBuilder<P>& b) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  b.key("VThresh", &P::VThresh, -inf, "below VThresh the activity is AMin (lambda of the soft threshold)")
      .derived_key(
          "AMin", &P::AMin, "VThresh", [](const P& p) { return p.VThresh; }, "activity below threshold")
      .key("AMax", &P::AMax, inf, "activity cap")
      .key("AShift", &P::AShift, 0.0, "A = V - AShift above threshold; AShift = VThresh is the soft threshold")
      .key("VWidth", &P::VWidth, 0.0, "width of the linear ramp above VThresh", {checks::non_negative()});
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (p.AMax < p.AMin) return {"AMax", "AMax must be >= AMin"};
    return {"", ""};
  });
}

class ThresholdLayer : public Layer {
 public:
  ThresholdLayer(const ParamGroup& group, const ThresholdParams& p);
  std::optional<double> vthresh() const override { return threshold_params_.VThresh; }
  const Threshold& threshold() const { return threshold_; }

 protected:
  // A = T(V) over every local batch element.
  void activity_from_v() override;
  // A = T(v) for an arbitrary restricted V buffer of this layer's size (clones pass another layer's V).
  void activity_from(std::span<const float> v);

 private:
  const ThresholdParams& threshold_params_;  // a view of the concrete type's params
  Threshold threshold_;                      // the same values as the kernels take them
};

}  // namespace spv
