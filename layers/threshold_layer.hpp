// Base of layers whose activity is the threshold transfer function of V (ANN, error, LCA, ISTA, V clones).
#pragma once
#include <limits>
#include <vector>

#include "core/layer.hpp"
#include "layers/threshold_math.hpp"

namespace spv {

struct ThresholdParams : LayerParams {
  double VThresh, AMin, AMax, AShift, VWidth;
  std::vector<double> verticesV, verticesA;  // a piecewise-linear transfer function instead of the five above
  double slopeNegInf, slopePosInf;
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
  b.key("verticesV", &P::verticesV, std::vector<double>{},
        "V coordinates (non-decreasing) of a piecewise-linear transfer function A(V) through (verticesV[k], "
        "verticesA[k]); when given, VThresh, AMin, AMax, AShift and VWidth are not used",
        {checks::finite()})
      .key("verticesA", &P::verticesA, std::vector<double>{}, "A coordinates of the vertices, one per verticesV",
           {checks::finite()})
      .key("slopeNegInf", &P::slopeNegInf, 1.0, "slope of A(V) left of the first vertex (with verticesV)",
           {checks::finite()})
      .key("slopePosInf", &P::slopePosInf, 1.0, "slope of A(V) right of the last vertex (with verticesV)",
           {checks::finite()});
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (p.verticesV.size() != p.verticesA.size())
      return {"verticesA", "has " + std::to_string(p.verticesA.size()) + " values but verticesV has " +
                               std::to_string(p.verticesV.size()) + "; each vertex needs both coordinates"};
    for (std::size_t k = 1; k < p.verticesV.size(); ++k)
      if (p.verticesV[k] < p.verticesV[k - 1])
        return {"verticesV", "must not decrease: vertex " + std::to_string(k) + " has V " +
                                 std::to_string(p.verticesV[k]) + " after " + std::to_string(p.verticesV[k - 1])};
    if (p.verticesV.empty() && p.AMax < p.AMin) return {"AMax", "AMax must be >= AMin"};
    return {"", ""};
  });
}

// The table apply_vertices takes (V, A, slopes) for the vertices of p; empty without verticesV. Float arithmetic,
// as OpenPV computes its slopes; a jump (two vertices at one V) has an infinite slope that is never evaluated.
std::vector<float> vertex_table(const ThresholdParams& p);

class ThresholdLayer : public Layer {
 public:
  ThresholdLayer(const ParamGroup& group, const ThresholdParams& p);
  // No VThresh with a vertex list (the probes that need one refuse the layer).
  std::optional<double> vthresh() const override {
    if (!vertices_.empty()) return std::nullopt;
    return threshold_params_.VThresh;
  }
  const Threshold& threshold() const { return threshold_; }

 protected:
  // A = T(V) over every local batch element.
  void activity_from_v() override;
  // A = T(v) for an arbitrary restricted V buffer of this layer's size (clones pass another layer's V).
  void activity_from(std::span<const float> v);

 private:
  // The kernel's arguments for V -> A with this layer's transfer function (the five keys or the vertices).
  ThresholdArgs threshold_args(const float* v, float* a) const;

  const ThresholdParams& threshold_params_;  // a view of the concrete type's params
  Threshold threshold_;                      // the same values as the kernels take them
  std::vector<float> vertices_;              // vertex_table(params); empty for the five-key threshold
};

}  // namespace spv
