#include "layers/threshold_layer.hpp"

#include "core/kernels/parallel.hpp"

namespace spv {

ThresholdLayer::ThresholdLayer(const ParamGroup& group, const ThresholdParams& p)
    : Layer(group, p),
      threshold_params_(p),
      threshold_{float(p.VThresh), float(p.AMin), float(p.AMax), float(p.AShift), float(p.VWidth)} {}

void ThresholdLayer::activity_from_v() { activity_from(V()); }

void ThresholdLayer::activity_from(std::span<const float> v) {
  const LayerGeometry& g = geometry_;
  const Threshold t = threshold_;
  const int rows = g.nbatch * g.ny;
  const int row_len = g.nx * g.nf;
#pragma omp parallel for schedule(static) if (long(rows) * row_len >= kParallelMinElements)
  for (int r = 0; r < rows; ++r) {
    const int b = r / g.ny, y = r % g.ny;
    const float* src = v.data() + std::size_t(b) * g.neurons() + std::size_t(y) * row_len;
    float* dst = a_.data() + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0);
    for (int i = 0; i < row_len; ++i) dst[i] = apply_threshold(src[i], t);
  }
}

}  // namespace spv
