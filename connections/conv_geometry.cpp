#include "connections/conv_geometry.hpp"

namespace spv {

namespace {

bool power_of_two(int n) { return n > 0 && (n & (n - 1)) == 0; }

}  // namespace

std::string axis_problem(int n_pre, int n_post, int patch) {
  if (n_pre < 1 || n_post < 1) return "layer sizes must be positive";
  if (patch < 1) return "patch size " + std::to_string(patch) + " must be at least 1";
  if (n_pre == n_post) {
    if (patch % 2 == 0) return "pre and post have the same size, so the patch size must be odd (not " +
                               std::to_string(patch) + "); try " + std::to_string(patch + 1);
    return "";
  }
  const int big = n_pre > n_post ? n_pre : n_post, small = n_pre > n_post ? n_post : n_pre;
  // A layer of size 1 may face any size (a fully connected patch, e.g. a 1x1 code over a 28x28 digit).
  if (big % small != 0 || (small != 1 && !power_of_two(big / small)))
    return "sizes " + std::to_string(n_pre) + " (pre) and " + std::to_string(n_post) +
           " (post) must be equal or differ by a power-of-two factor (or one of them be 1)";
  if (n_post > n_pre) {
    const int stride = n_post / n_pre;
    if (patch % stride != 0)
      return "post is " + std::to_string(stride) + " times denser than pre, so the patch size must be a multiple of " +
             std::to_string(stride) + " (not " + std::to_string(patch) + "); try " +
             std::to_string((patch / stride + 1) * stride);
  }
  return "";
}

AxisMap make_axis(int n_pre, int n_post, int patch) {
  AxisMap a;
  a.n_pre = n_pre;
  a.n_post = n_post;
  a.patch = patch;
  a.up = n_post >= n_pre ? n_post / n_pre : 1;
  a.down = n_pre > n_post ? n_pre / n_post : 1;
  return a;
}

int AxisMap::patch_start(int i) const {
  if (down > 1) return floor_div(i - down * (patch - 1) / 2, down);
  return up * i - (patch - up) / 2;
}

int AxisMap::cell(int i) const {
  const int c = i % down;
  return c < 0 ? c + down : c;
}

int AxisMap::halo_before() const {
  if (down > 1) return down * (patch - 1) / 2;
  const int extent = (patch - up) / 2;  // post neurons the patch reaches below the pre neuron's own cell
  return (patch - 1 - extent) / up;
}

int AxisMap::halo_after() const {
  if (down > 1) return down * (patch - 1) / 2;
  const int extent = (patch - up) / 2;
  return (extent + up - 1) / up;
}

int AxisMap::needed_border() const {
  if (down > 1) return (patch - 1) * (down / 2);
  if (up > 1) return patch / (2 * up);
  return (patch - 1) / 2;
}

int AxisMap::active_lo(int i) const {
  const int s = patch_start(i);
  return s < 0 ? -s : 0;
}

int AxisMap::active_hi(int i) const {
  const int end = n_post - patch_start(i);
  return end < patch ? (end > 0 ? end : 0) : patch;
}

ConvGeometry ConvGeometry::transposed() const {
  ConvGeometry t;
  t.x = make_axis(x.n_post, x.n_pre, transposed_patch(x));
  t.y = make_axis(y.n_post, y.n_pre, transposed_patch(y));
  t.nf_pre = nfp;
  t.nfp = nf_pre;
  t.shared = shared;
  return t;
}

}  // namespace spv
