// The Hebbian terms of non-shared weights (OpenPV's HebbianUpdater with sharedWeights = false): each pre neuron's
// terms go to its own patch, so a weight takes one term per batch element and source, never an average over
// positions. On the exact grid of hebbian_dw.hpp, as the shared case, so that the sum over tiles and batch slices
// does not depend on the split.
#include "connections/hebbian_dw.hpp"

namespace spv {

void accumulate_hebbian_dw_nonshared(const ConvPlan& plan, std::span<const float> pre, std::span<const float> post,
                                     float dw_max, const DwGrid& grid, std::span<std::int64_t> dw,
                                     std::span<std::int64_t> counts) {
  const ConvGeometry& g = plan.geometry();
  const LayerGeometry& pre_g = plan.pre();
  const LayerGeometry& post_g = plan.post();
  const AxisTable& tx = plan.x();
  const AxisTable& ty = plan.y();
  const int nf = pre_g.nf, nfp = g.nfp, nxp = g.nxp();
  const long ps = long(g.patch_size());
  const long pre_row = long(pre_g.nx_ext()) * nf;
  const float* a_pre = pre.data();
  const float* a_post = post.data();
  const double scale = grid.scale();

  // Rows of pre neurons own disjoint patches, so threads never write the same weight.
#pragma omp parallel for schedule(static)
  for (int yl = ty.pre_begin; yl < ty.pre_end; ++yl) {
    const std::size_t iy = std::size_t(yl - ty.pre_begin);
    const int y_lo = ty.post_lo[iy], y_hi = ty.post_hi[iy], py_lo = ty.offset_lo[iy];
    const float* a_row = a_pre + long(yl + pre_g.halo.dn) * pre_row;
    for (int xl = tx.pre_begin; xl < tx.pre_end; ++xl) {
      const std::size_t ix = std::size_t(xl - tx.pre_begin);
      const long patch0 = g.patch_index(xl + pre_g.kx0, yl + pre_g.ky0, 0);
      if (patch0 < 0) continue;
      const int x_lo = tx.post_lo[ix], px_lo = tx.offset_lo[ix];
      const long n = long(tx.post_hi[ix] - x_lo) * nfp;
      for (int f = 0; f < nf; ++f) {
        const float a = a_row[long(xl + pre_g.halo.lt) * nf + f];
        if (a == 0.0f) continue;
        const float scaled = dw_max * a;  // OpenPV's order: (dWMax * pre) * post
        std::int64_t* dw_p = dw.data() + (patch0 + f) * ps;
        std::int64_t* count_p = counts.data() + (patch0 + f) * ps;
        for (int yp = y_lo; yp < y_hi; ++yp) {
          const long offset = (long(py_lo + yp - y_lo) * nxp + px_lo) * nfp;
          const float* b = a_post + post_g.ext_index(x_lo, yp, 0);
          for (long q = 0; q < n; ++q) {
            dw_p[offset + q] += std::int64_t(double(scaled * b[q]) * scale);
            count_p[offset + q] += 1;
          }
        }
      }
    }
  }
}

}  // namespace spv
