#include "layers/threshold_layer.hpp"


namespace spv {

ThresholdLayer::ThresholdLayer(const ParamGroup& group, const ThresholdParams& p)
    : Layer(group, p),
      threshold_params_(p),
      threshold_{float(p.VThresh), float(p.AMin), float(p.AMax), float(p.AShift), float(p.VWidth)},
      vertices_(vertex_table(p)) {}

std::vector<float> vertex_table(const ThresholdParams& p) {
  const std::size_t n = p.verticesV.size();
  if (n == 0) return {};
  std::vector<float> t(3 * n + 1);
  for (std::size_t k = 0; k < n; ++k) {
    t[k] = float(p.verticesV[k]);
    t[n + k] = float(p.verticesA[k]);
  }
  float* slope = t.data() + 2 * n;
  slope[0] = float(p.slopeNegInf);
  slope[n] = float(p.slopePosInf);
  for (std::size_t k = 1; k < n; ++k) {
    const float dv = t[k] - t[k - 1], da = t[n + k] - t[n + k - 1];
    slope[k] = dv != 0.0f  ? da / dv
               : da > 0.0f ? std::numeric_limits<float>::infinity()
               : da < 0.0f ? -std::numeric_limits<float>::infinity()
                           : std::numeric_limits<float>::quiet_NaN();
  }
  return t;
}

ThresholdArgs ThresholdLayer::threshold_args(const float* v, float* a) const {
  return {geometry_, v, a, threshold_, false, vertices_.data(), int(vertices_.size() / 3)};  // 3n + 1 entries
}

void ThresholdLayer::activity_from_v() { backend().threshold(threshold_args(kernel_v(), kernel_a_rw())); }

void ThresholdLayer::activity_from(std::span<const float> v) {
  backend().threshold(threshold_args(v.data(), A().data()));
}

}  // namespace spv
