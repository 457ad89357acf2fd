// The shape of a shared-weight convolution in plain numbers that any back-end can use: per axis OpenPV's patch
// geometry (connections/conv_geometry.hpp builds it), plus this rank's pre and post tiles.
#pragma once
#include <cstddef>
#include <cstdint>

#include "core/geometry.hpp"
#include "core/kernels/host_device.hpp"

namespace spv {

// One axis: `up` = n_post / n_pre when post is at least as dense (one-to-many), `down` = n_pre / n_post when pre is
// denser (many-to-one); the other is 1. Mirrors AxisMap (connections/conv_geometry.hpp) on host and device.
struct ConvAxisShape {
  int n_pre = 1, n_post = 1, patch = 1, up = 1, down = 1;

  // First global post coordinate of pre neuron i's patch.
  SPV_HOST_DEVICE int patch_start(int i) const {
    if (down > 1) {
      const int a = i - down * (patch - 1) / 2;
      return a >= 0 ? a / down : -((-a + down - 1) / down);
    }
    return up * i - (patch - up) / 2;
  }
  // Which of the `down` kernel cells pre neuron i uses.
  SPV_HOST_DEVICE int cell(int i) const {
    const int c = i % down;
    return c < 0 ? c + down : c;
  }
};

struct ConvShape {
  LayerGeometry pre, post;  // this rank's tiles; pre with the halo its activity buffer has
  ConvAxisShape x, y;
  int nf_pre = 1, nfp = 1;

  int kernels() const { return x.down * y.down * nf_pre; }
  std::size_t patch_size() const { return std::size_t(x.patch) * y.patch * nfp; }
};

// gsyn (post, restricted, every local batch element) += W * activity (pre, extended, every local batch element),
// for one arbor's kernels ([kernel][y][x][f], OpenPV's layout). Pointers are in the back-end's memory.
struct ConvDeliverArgs {
  const float* activity;
  const float* kernels;
  float* gsyn;
};

// How a delivery visits the pre neurons: every one (dense, the gather) or only the active ones (sparse), both adding
// the same terms in the same order (the same bits); or a library's dense convolution (cuDNN), which rounds
// differently and is available only after ConvKernels::enable_library() said yes.
enum class DeliveryMode { Dense, Sparse, Library };

// The Hebbian weight change of one batch element: for each pre neuron with non-zero activity a, every weight of its
// kernel whose edge-clipped patch position lies on a post neuron b of the tile gets the term (dw_max a) b, cut
// toward zero to a whole number of units 2^unit_exponent and added as that integer, and its count one (OpenPV's
// HebbianUpdater; connections/hebbian_dw.hpp). Integer sums make the result independent of the order of the terms.
// pre and post are one batch element's extended buffers; dw and counts one arbor's kernels.
struct DwArgs {
  const float* pre;
  const float* post;
  LayerGeometry post_ext;  // the post activity's layout (its halo)
  float dw_max;
  int unit_exponent;
  std::int64_t* dw;
  std::int64_t* counts;
};

}  // namespace spv
