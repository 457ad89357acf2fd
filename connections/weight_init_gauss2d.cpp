#include "connections/weight_init_gauss2d.hpp"

#include <algorithm>
#include <cmath>

namespace spv {

namespace {

// log2 of the size ratio along one axis: > 0 when pre is denser (many-to-one), < 0 when post is (one-to-many).
int log2_scale_diff(const AxisMap& a) {
  const int ratio = a.down > 1 ? a.down : a.up;
  int l = 0;
  while ((1 << l) < ratio) ++l;
  return a.down > 1 ? l : -l;
}

// Distance from pre cell k to its nearest post cell, in pre and in post units.
void nearest_post_distance(int k, int l, float& pre, float& post) {
  if (l == 0) {
    pre = post = 0.0f;
  } else if (l > 0) {
    const float s = std::pow(2.0f, float(l));
    const float in_post = (float(k) - 0.5f * (s - 1.0f)) / s;
    post = std::round(in_post) - in_post;
    pre = post * s;
  } else {
    const float s = std::pow(2.0f, float(-l));
    post = -0.5f;  // the left one of the post cells around the pre cell
    pre = -0.5f / s;
  }
}

// Index of that nearest post cell.
int nearest_post_index(int k, int l) {
  const float a = std::pow(2.0f, -float(l));
  const int ia = int(a);
  const int k0 = ia < 2 ? 0 : ia / 2 - 1;
  const int kk = (a < 1.0f && k < 0) ? k - int(1.0f / a) + 1 : k;
  return k0 + int(a * float(kk));
}

// First post index of pre cell k's patch of n cells.
int patch_head(int k, int n, int l) {
  if (l == 0) return k - (n - 1) / 2;
  if (l > 0) {
    const float stride = std::pow(2.0f, float(l));
    const float half_width = 0.5f * (float(n) - 1.0f);
    return int(std::floor((float(k) + 0.5f) / stride - half_width));
  }
  const int stride = int(std::pow(2.0f, float(-l)));
  return k * stride - (n - stride) / 2;
}

struct AxisFrame {
  float head, step;
};

// k_nearest picks the distance to the nearest post cell, k the patch head (OpenPV passes different cells for y).
AxisFrame axis_frame(int k_nearest, int k, int n, int l) {
  float pre, post;
  nearest_post_distance(k_nearest, l, pre, post);
  const float head_post = post + float(patch_head(k, n, l) - nearest_post_index(k, l));
  const float scale = pre == post ? 1.0f : pre / post;
  return {head_post * scale, scale};
}

// Whether the direction (x, y) lies more than `angle` off the x axis (either way).
bool outside_bowtie(float x, float y, float angle) {
  const float a = std::atan2(y, x);
  return (a > angle && a < kPiF - angle) || (a < -angle && a > -kPiF + angle);
}

}  // namespace

float KernelFrame::theta_post(int f_post) const {
  if (orientations_post == 1 && orientations_pre > 1) return theta_pre;
  return theta0_post + float(f_post % orientations_post) * dtheta_post;
}

bool KernelFrame::theta_too_far(float th_post, float delta_theta_max) const {
  return std::abs(theta_pre - th_post) > delta_theta_max;
}

KernelFrame kernel_frame(const ConvGeometry& g, const Gauss2DWeightInit& s, int kernel) {
  KernelFrame fr;
  const int cx = (kernel / g.nf_pre) % g.x.down;
  const int cy = kernel / (g.nf_pre * g.x.down);
  const AxisFrame ax = axis_frame(cx, cx, g.x.patch, log2_scale_diff(g.x));
  // OpenPV measures the y distance to the nearest post cell from the x cell index; kept so that values match.
  const AxisFrame ay = axis_frame(cx, cy, g.y.patch, log2_scale_diff(g.y));
  fr.x0 = ax.head;
  fr.dx = ax.step;
  fr.y0 = ay.head;
  fr.dy = ay.step;
  fr.orientations_post = s.orientations_post > 0 ? s.orientations_post : g.nfp;
  fr.orientations_pre = s.orientations_pre > 0 ? s.orientations_pre : g.nf_pre;
  fr.dtheta_post = kPiF * s.theta_max / float(fr.orientations_post);
  fr.theta0_post = s.rotate * fr.dtheta_post / 2.0f;
  const float dtheta_pre = kPiF * s.theta_max / float(fr.orientations_pre);
  const float theta0_pre = s.rotate * dtheta_pre / 2.0f;
  fr.feature_pre = kernel % g.nf_pre;
  // OpenPV takes the pre orientation from the kernel index, not the feature (the same unless many-to-one).
  fr.theta_pre = theta0_pre + float(kernel % fr.orientations_pre) * dtheta_pre;
  return fr;
}

void init_gauss2d(WeightStore& w, const ConvGeometry& g, const Gauss2DWeightInit& s) {
  auto all = w.values();
  std::fill(all.begin(), all.end(), 0.0f);
  const float normalizer = 1.0f / (2.0f * s.sigma * s.sigma);
  const float r_max2 = float(double(s.r_max) * double(s.r_max));
  const float r_min2 = float(double(s.r_min) * double(s.r_min));
  const int nxp = w.nxp(), nyp = w.nyp(), nfp = w.nfp();
  for (int k = 0; k < w.kernels(); ++k) {
    const KernelFrame fr = kernel_frame(g, s, k);
    float* out = w.kernel(0, k).data();
    for (int f = 0; f < nfp; ++f) {
      const float th = fr.theta_post(f);
      if (fr.theta_too_far(th, s.delta_theta_max)) continue;
      if (f / fr.orientations_post != fr.feature_pre / fr.orientations_pre) continue;  // another colour
      const float c = std::cos(th), sn = std::sin(th);
      for (int j = 0; j < nyp; ++j) {
        const float dy = fr.y0 + float(j) * fr.dy;
        for (int i = 0; i < nxp; ++i) {
          const float dx = fr.x0 + float(i) * fr.dx;
          if (s.self_connection && f == fr.feature_pre && dx == 0.0f && dy == 0.0f) continue;
          const float along = dx * c + dy * sn;
          const float across = -dx * sn + dy * c;
          // OpenPV measures the bowtie angle from the across axis (its arguments are swapped).
          if (s.bowtie && outside_bowtie(across, along, s.bowtie_angle)) continue;
          float value = 0.0f;
          float d2 = along * along + s.aspect * (across - s.flank_shift) * s.aspect * (across - s.flank_shift);
          if (d2 <= r_max2 && d2 >= r_min2) value += s.strength * std::exp(-d2 * normalizer);
          if (s.num_flanks > 1) {
            d2 = along * along + s.aspect * (across + s.flank_shift) * s.aspect * (across + s.flank_shift);
            if (d2 <= r_max2 && d2 >= r_min2) value += s.strength * std::exp(-d2 * normalizer);
          }
          out[(std::size_t(j) * nxp + i) * nfp + f] = value;
        }
      }
    }
  }
  for (int a = 1; a < w.arbors(); ++a) std::copy(w.arbor(0).begin(), w.arbor(0).end(), w.arbor(a).begin());
  w.touch();
}

}  // namespace spv
