#include "connections/weight_init_spread_over_arbors.hpp"

#include <algorithm>
#include <cmath>

namespace spv {

void init_spread_over_arbors(WeightStore& w, const ConvGeometry& g, const Gauss2DWeightInit& s, float weight_init) {
  auto all = w.values();
  std::fill(all.begin(), all.end(), 0.0f);
  const int arbors = w.arbors(), nxp = w.nxp(), nyp = w.nyp(), nfp = w.nfp();
  for (int a = 0; a < arbors; ++a)
    for (int k = 0; k < w.kernels(); ++k) {
      const KernelFrame fr = kernel_frame(g, s, k);
      float* out = w.kernel(a, k).data();
      for (int f = 0; f < nfp; ++f) {
        const float th = fr.theta_post(f);
        if (fr.theta_too_far(th, s.delta_theta_max)) continue;
        for (int j = 0; j < nyp; ++j) {
          const float dy = fr.y0 + float(j) * fr.dy;
          for (int i = 0; i < nxp; ++i) {
            const float dx = fr.x0 + float(i) * fr.dx;
            const float along = dx * std::cos(th) + dy * std::sin(th);
            const float across = -dx * std::sin(th) + dy * std::cos(th);
            float weight = 0.0f;
            if (along * along + across * across < 1e-4f) {
              weight = weight_init / float(arbors);  // the pre neuron's own position: an equal share to every arbor
            } else {
              float turn = std::atan2(across, along) / (2.0f * kPiF);  // in [0, 1) after the wrap below
              if (turn < 0.0f) turn += 1.0f;
              if (turn >= 1.0f) turn -= 1.0f;  // rounding can give exactly 1
              float zone = 0.0f;
              const float frac = std::modf(turn * float(arbors), &zone);
              if (zone == float(a))
                weight = weight_init * (1.0f - frac);
              else if (int(zone - float(a) + 1.0f) % arbors == 0)  // the zone just before this arbor's
                weight = weight_init * frac;
            }
            out[(std::size_t(j) * nxp + i) * nfp + f] = weight;
          }
        }
      }
    }
  w.touch();
}

}  // namespace spv
