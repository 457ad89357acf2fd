#include "connections/hebbian_dw.hpp"

#include <cmath>
#include <limits>

namespace spv {

double DwGrid::scale() const { return std::ldexp(1.0, -exponent); }
double DwGrid::unit() const { return std::ldexp(1.0, exponent); }

DwGrid dw_grid(double max_term, double max_terms) {
  DwGrid g;
  if (!std::isfinite(max_term)) {
    g.finite = false;
    return g;
  }
  if (max_term <= 0.0) return g;  // every term is zero
  // A float product may round up past the bound by a relative 2^-23: allow 2^-20. Terms stay below 2^(62 - bits)
  // units, so max_terms of them stay below 2^62.
  const int top = std::ilogb(max_term * (1.0 + 0x1p-20)) + 1;
  const int bits = std::ilogb(std::max(1.0, max_terms)) + 1;
  g.exponent = top + bits - 62;
  return g;
}

namespace {

// Largest |v| over a rectangle of one extended buffer; +infinity on a value that is not finite.
float max_abs(const float* a, long row, int x0, int x1, int y0, int y1, int nf) {
  float m = 0.0f;
  for (int y = y0; y < y1; ++y) {
    const float* r = a + y * row;
    for (long i = long(x0) * nf; i < long(x1) * nf; ++i) {
      const float v = std::fabs(r[i]);
      if (!(v <= m)) m = std::isfinite(v) ? v : std::numeric_limits<float>::infinity();
      if (std::isinf(m)) return m;
    }
  }
  return m;
}

}  // namespace

float max_pre_activity(const ConvPlan& plan, std::span<const float> pre) {
  const LayerGeometry& g = plan.pre();
  const AxisTable &tx = plan.x(), &ty = plan.y();
  return max_abs(pre.data(), long(g.nx_ext()) * g.nf, tx.pre_begin + g.halo.lt, tx.pre_end + g.halo.lt,
                 ty.pre_begin + g.halo.dn, ty.pre_end + g.halo.dn, g.nf);
}

float max_post_activity(const ConvPlan& plan, std::span<const float> post) {
  const LayerGeometry& g = plan.post();
  return max_abs(post.data(), long(g.nx_ext()) * g.nf, g.halo.lt, g.halo.lt + g.nx, g.halo.dn, g.halo.dn + g.ny,
                 g.nf);
}

void accumulate_hebbian_dw(const ConvPlan& plan, std::span<const float> pre, std::span<const float> post,
                           float dw_max, const DwGrid& grid, std::span<std::int64_t> dw,
                           std::span<std::int64_t> counts) {
  if (!plan.geometry().shared) {
    accumulate_hebbian_dw_nonshared(plan, pre, post, dw_max, grid, dw, counts);
    return;
  }
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
  const double scale = grid.scale();

#pragma omp parallel for schedule(static)
  for (int k = 0; k < kernels; ++k) {
    const int f = k % g.nf_pre, cell = k / g.nf_pre;
    const int cell_x = cell % kx, cell_y = cell / kx;
    std::int64_t* dw_k = dw.data() + k * ps;
    std::int64_t* count_k = counts.data() + k * ps;
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
          std::int64_t* w = dw_k + offset;
          std::int64_t* c = count_k + offset;
          for (long q = 0; q < n; ++q) {
            const float term = scaled * b[q];
            // Exact power-of-two scaling, then a cut toward zero: a function of the term alone.
            w[q] += std::int64_t(double(term) * scale);
            c[q] += 1;
          }
        }
      }
    }
  }
}

}  // namespace spv
