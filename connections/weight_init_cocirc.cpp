#include "connections/weight_init_cocirc.hpp"

#include <algorithm>
#include <cmath>

namespace spv {

namespace {

// exp(-x^2 / (2 s^2)), or that minus 1 when s <= 0 (OpenPV's rule for a non-positive sigmaCocirc).
float cocirc_factor(float x, float sigma) {
  const float two_s2 = 2 * sigma * sigma;
  return sigma > 0 ? std::exp(-x * x / two_s2) : std::exp(-x * x / two_s2) - 1.0f;
}

// The angle between the post orientation and the tangent, at the post neuron, of the circle through both neurons
// that is tangent to the pre orientation: theta_pre + 2 atan2(dy, dx), folded into [0, pi/2].
float chord_angle(float theta_pre, float theta_post, float dy, float dx) {
  float a = theta_pre + 2.0f * std::atan2(dy, dx);
  a += 2.0f * kPiF;
  a = std::fmod(a, kPiF);
  float chi = std::fabs(a - theta_post);
  return chi >= kPiF / 2.0f ? kPiF - chi : chi;
}

}  // namespace

void init_cocirc(WeightStore& w, const ConvGeometry& g, const CocircWeightInit& s) {
  auto all = w.values();
  std::fill(all.begin(), all.end(), 0.0f);
  const Gauss2DWeightInit& q = s.gauss;
  const float two_sigma2 = 2 * q.sigma * q.sigma;
  const float r_max2 = float(double(q.r_max) * double(q.r_max));  // as Gauss2DWeight
  const int nxp = w.nxp(), nyp = w.nyp(), nfp = w.nfp();
  for (int k = 0; k < w.kernels(); ++k) {
    const KernelFrame fr = kernel_frame(g, q, k);
    const bool oriented = fr.orientations_pre > 1 && fr.orientations_post > 1;
    const float c = std::cos(fr.theta_pre), sn = std::sin(fr.theta_pre);
    float* out = w.kernel(0, k).data();
    for (int f = 0; f < nfp; ++f) {
      const float th = fr.theta_post(f);
      if (fr.theta_too_far(th, q.delta_theta_max)) continue;
      float delta_theta = std::abs(fr.theta_pre - th);
      delta_theta = delta_theta <= kPiF / 2.0f ? delta_theta : kPiF - delta_theta;
      for (int j = 0; j < nyp; ++j) {
        const float dy = fr.y0 + float(j) * fr.dy;
        for (int i = 0; i < nxp; ++i) {
          const float dx = fr.x0 + float(i) * fr.dx;
          // In the pre feature's frame: along its orientation, and across it (shifted to the flanks).
          const float along = dx * c + dy * sn;
          const float across = -dx * sn + dy * c;
          const float across1 = across - q.flank_shift, across2 = across + q.flank_shift;
          const float d2 = along * along + q.aspect * across * q.aspect * across;
          const float d2_1 = along * along + q.aspect * across1 * q.aspect * across1;
          const float d2_2 = along * along + q.aspect * across2 * q.aspect * across2;
          float dist = 0.0f;
          if (d2_1 <= r_max2) dist += std::exp(-d2_1 / two_sigma2);
          if (q.num_flanks > 1 && d2_2 <= r_max2) dist += std::exp(-d2_2 / two_sigma2);
          if (dist == 0.0f) continue;
          float cocirc = 1.0f;
          if (d2 == 0) {
            if (fr.feature_pre == f && !s.cocirc_self) continue;  // no weight from a feature to itself
            cocirc = cocirc_factor(delta_theta, s.sigma_cocirc);
          } else if (oriented) {
            // With two flanks OpenPV keeps the second flank's factor.
            cocirc = cocirc_factor(chord_angle(fr.theta_pre, th, q.num_flanks > 1 ? across2 : across1, along),
                                   s.sigma_cocirc);
          }
          const float weight = dist * cocirc;
          if (weight < 0.0f) continue;  // OpenPV's minimum weight, 0
          out[(std::size_t(j) * nxp + i) * nfp + f] = weight;
        }
      }
    }
  }
  for (int a = 1; a < w.arbors(); ++a) std::copy(w.arbor(0).begin(), w.arbor(0).end(), w.arbor(a).begin());
  w.touch();
}

}  // namespace spv
