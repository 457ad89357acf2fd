#include "connections/nonshared_weights.hpp"

#include <algorithm>

namespace spv {

void expand_kernels(const WeightStore& kernels, const ConvGeometry& g, WeightStore& patches) {
  const int bx = g.x.needed_border(), by = g.y.needed_border();
  for (int a = 0; a < patches.arbors(); ++a)
    for (int py = 0; py < g.patches_y(); ++py)
      for (int px = 0; px < g.patches_x(); ++px)
        for (int f = 0; f < g.nf_pre; ++f) {
          const auto from = kernels.kernel(a, g.kernel_index(px - bx, py - by, f));
          std::copy(from.begin(), from.end(), patches.kernel(a, int(g.patch_index(px - bx, py - by, f))).begin());
        }
  patches.touch();
}

}  // namespace spv
