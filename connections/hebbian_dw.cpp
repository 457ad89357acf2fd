#include "connections/hebbian_dw.hpp"

namespace spv {

void accumulate_hebbian_dw(const ConvPlan& plan, std::span<const float> pre, std::span<const float> post,
                           float dw_max, std::span<float> dw, std::span<float> counts) {
  const ConvGeometry& g = plan.geometry();
  const LayerGeometry& pre_g = plan.pre();
  const LayerGeometry& post_g = plan.post();
  const AxisTable& tx = plan.x();
  const AxisTable& ty = plan.y();
  const int nf = pre_g.nf, nfp = g.nfp, nxp = g.nxp(), kx = g.kernels_x();
  const long ps = long(g.patch_size());
  const long pre_row = long(pre_g.nx_ext()) * nf;
  const int kernels = g.kernels();
  const float* a_pre = pre.data();
  const float* a_post = post.data();

#pragma omp parallel for schedule(static)
  for (int k = 0; k < kernels; ++k) {
    const int f = k % g.nf_pre, cell = k / g.nf_pre;
    const int cell_x = cell % kx, cell_y = cell / kx;
    float* dw_k = dw.data() + k * ps;
    float* count_k = counts.data() + k * ps;
    for (int yl = ty.pre_begin; yl < ty.pre_end; ++yl) {
      const std::size_t iy = std::size_t(yl - ty.pre_begin);
      if (ty.cell[iy] != cell_y) continue;
      const int y_lo = ty.post_lo[iy], y_hi = ty.post_hi[iy], py_lo = ty.offset_lo[iy];
      const float* a_row = a_pre + long(yl + pre_g.halo.dn) * pre_row;
      for (int xl = tx.pre_begin; xl < tx.pre_end; ++xl) {
        const std::size_t ix = std::size_t(xl - tx.pre_begin);
        if (tx.cell[ix] != cell_x) continue;
        const float a = a_row[long(xl + pre_g.halo.lt) * nf + f];
        if (a == 0.0f) continue;
        const float scaled = dw_max * a;  // OpenPV's order: (dWMax * pre) * post
        const int x_lo = tx.post_lo[ix], px_lo = tx.offset_lo[ix];
        const long n = long(tx.post_hi[ix] - x_lo) * nfp;
        for (int yp = y_lo; yp < y_hi; ++yp) {
          const long offset = (long(py_lo + yp - y_lo) * nxp + px_lo) * nfp;
          const float* b = a_post + post_g.ext_index(x_lo, yp, 0);
          float* w = dw_k + offset;
          float* c = count_k + offset;
          for (long q = 0; q < n; ++q) {
            w[q] += scaled * b[q];
            c[q] += 1.0f;
          }
        }
      }
    }
  }
}

}  // namespace spv
