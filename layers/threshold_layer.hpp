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
      .key("AMin", &P::AMin, -inf, "activity below threshold (default: VThresh)")
      .key("AMax", &P::AMax, inf, "activity cap")
      .key("AShift", &P::AShift, 0.0, "A = V - AShift above threshold; AShift = VThresh is the soft threshold")
      .key("VWidth", &P::VWidth, 0.0, "width of the linear ramp above VThresh", {checks::non_negative()});
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (p.AMax < p.AMin) return {"AMax", "AMax must be >= AMin"};
    return {"", ""};
  });
}

// Applies OpenPV's derived default: AMin = VThresh unless given.
template <class P>
P with_threshold_defaults(P p, const BindResult& given) {
  if (!given.has("AMin")) p.AMin = p.VThresh;
  return p;
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
  ThresholdParams threshold_params_;
  Threshold threshold_;
};

}  // namespace spv
