#include "connections/one_to_one_delivery.hpp"

namespace spv {

void deliver_one_to_one(const LayerGeometry& pre, const LayerGeometry& post, std::span<const float> activity,
                        std::span<float> gsyn, float scale) {
  const long rows = long(post.nbatch) * post.ny;
  const long row_len = long(post.nx) * post.nf;
  const float* a_all = activity.data();
  float* g_all = gsyn.data();
#pragma omp parallel for schedule(static)
  for (long br = 0; br < rows; ++br) {
    const long b = br / post.ny;
    const int y = int(br % post.ny);
    const float* a = a_all + b * long(pre.neurons_ext()) + long(pre.ext_index(0, y, 0));
    float* g = g_all + br * row_len;
#pragma omp simd
    for (long k = 0; k < row_len; ++k) g[k] += scale * a[k];
  }
}

}  // namespace spv
