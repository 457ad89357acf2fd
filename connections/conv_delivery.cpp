#include "connections/conv_delivery.hpp"

#include <algorithm>
#include <string>

#include "core/errors.hpp"

namespace spv {

AxisTable make_axis_table(const AxisMap& axis, int pre_n, int pre_k0, int halo_before, int halo_after, int post_n,
                          int post_k0) {
  AxisTable t;
  t.pre_begin = 0;
  t.pre_end = 0;
  bool any = false;
  for (int i = -halo_before; i < pre_n + halo_after; ++i) {
    const int lo = axis.patch_start(i + pre_k0) - post_k0;
    const int clipped_lo = std::max(lo, 0), clipped_hi = std::min(lo + axis.patch, post_n);
    if (clipped_lo >= clipped_hi) continue;
    if (!any) t.pre_begin = i;
    any = true;
    t.pre_end = i + 1;
  }
  for (int i = t.pre_begin; i < t.pre_end; ++i) {
    const int lo = axis.patch_start(i + pre_k0) - post_k0;
    const int clipped_lo = std::max(lo, 0), clipped_hi = std::min(lo + axis.patch, post_n);
    t.post_lo.push_back(clipped_lo);
    t.post_hi.push_back(std::max(clipped_lo, clipped_hi));
    t.offset_lo.push_back(clipped_lo - lo);
    t.cell.push_back(axis.cell(i + pre_k0));
  }
  t.first.push_back(0);
  for (int p = 0; p < post_n; ++p) {
    for (int i = t.pre_begin; i < t.pre_end; ++i) {
      const std::size_t k = std::size_t(i - t.pre_begin);
      if (p < t.post_lo[k] || p >= t.post_hi[k]) continue;
      t.pre.push_back(i);
      t.offset.push_back(t.offset_lo[k] + p - t.post_lo[k]);
    }
    t.first.push_back(int(t.pre.size()));
  }
  return t;
}

ConvPlan::ConvPlan(const ConvGeometry& g, const LayerGeometry& pre, const LayerGeometry& post)
    : geometry_(g), pre_(pre), post_(post) {
  const Halo need = g.pre_halo();
  const Halo& have = pre.halo;
  if (have.lt < need.lt || have.rt < need.rt || have.dn < need.dn || have.up < need.up)
    throw GeometryError("pre layer halo (lt " + std::to_string(have.lt) + ", rt " + std::to_string(have.rt) + ", dn " +
                        std::to_string(have.dn) + ", up " + std::to_string(have.up) +
                        ") is smaller than the connection needs (" + std::to_string(need.lt) + ", " +
                        std::to_string(need.rt) + ", " + std::to_string(need.dn) + ", " + std::to_string(need.up) +
                        "); the connection must require_halo() during resolve");
  if (pre.nbatch != post.nbatch)
    throw GeometryError("pre and post layers hold different numbers of batch elements (" +
                        std::to_string(pre.nbatch) + " and " + std::to_string(post.nbatch) + ")");
  x_ = make_axis_table(g.x, pre.nx, pre.kx0, have.lt, have.rt, post.nx, post.kx0);
  y_ = make_axis_table(g.y, pre.ny, pre.ky0, have.dn, have.up, post.ny, post.ky0);
}

void ActiveRows::resize_for(const LayerGeometry& pre) {
  index.assign(std::size_t(pre.nbatch) * pre.neurons_ext(), 0u);
  count.assign(std::size_t(pre.nbatch) * pre.ny_ext(), 0u);
}

namespace {

// g[q] += a * w[q]; kept as one expression (and the library built without FMA contraction) so that scatter and
// gather round identically.
inline void axpy(float* g, const float* w, float a, long n) {
#pragma omp simd
  for (long q = 0; q < n; ++q) g[q] += a * w[q];
}

}  // namespace

void deliver_pre_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                             std::span<float> gsyn, ActiveRows& scratch) {
  const LayerGeometry& pre = plan.pre();
  const LayerGeometry& post = plan.post();
  const ConvGeometry& g = plan.geometry();
  const AxisTable& tx = plan.x();
  const AxisTable& ty = plan.y();
  const long rows = long(pre.nbatch) * pre.ny_ext();
  const long row_len = long(pre.nx_ext()) * pre.nf;
  const float* a_all = activity.data();
  std::uint32_t* index = scratch.index.data();
  std::uint32_t* count = scratch.count.data();

#pragma omp parallel for schedule(static)
  for (long r = 0; r < rows; ++r) {
    const float* a = a_all + r * row_len;
    std::uint32_t* idx = index + r * row_len;
    std::uint32_t n = 0;
    for (long k = 0; k < row_len; ++k)
      if (a[k] != 0.0f) idx[n++] = std::uint32_t(k);
    count[r] = n;
  }

  const int nf = pre.nf, nfp = g.nfp, nxp = g.nxp(), kx = g.kernels_x();
  const long ps = long(g.patch_size());
  const long post_rows = long(post.nbatch) * post.ny;
  const long post_row_len = long(post.nx) * nfp;
  const float* w_all = kernels.data();
  float* g_all = gsyn.data();

#pragma omp parallel for schedule(dynamic, 1)
  for (long br = 0; br < post_rows; ++br) {
    const long b = br / post.ny;
    const int yp = int(br % post.ny);
    float* g_row = g_all + br * post_row_len;
    for (int e = ty.first[yp]; e < ty.first[yp + 1]; ++e) {
      const int yl = ty.pre[e], py = ty.offset[e];
      const int cell_y = ty.cell[std::size_t(yl - ty.pre_begin)];
      const long r = b * pre.ny_ext() + yl + pre.halo.dn;
      const float* a_row = a_all + r * row_len;
      const std::uint32_t* idx = index + r * row_len;
      const std::uint32_t n = count[r];
      for (std::uint32_t j = 0; j < n; ++j) {
        const int k = int(idx[j]);
        const int xe = k / nf, f = k - xe * nf;
        const int xl = xe - pre.halo.lt;
        if (xl < tx.pre_begin || xl >= tx.pre_end) continue;
        const std::size_t t = std::size_t(xl - tx.pre_begin);
        const int lo = tx.post_lo[t], hi = tx.post_hi[t];
        const long kernel = long(cell_y * kx + tx.cell[t]) * g.nf_pre + f;
        const float* w = w_all + kernel * ps + (long(py) * nxp + tx.offset_lo[t]) * nfp;
        axpy(g_row + long(lo) * nfp, w, a_row[k], long(hi - lo) * nfp);
      }
    }
  }
}

void deliver_post_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                              std::span<float> gsyn) {
  const LayerGeometry& pre = plan.pre();
  const LayerGeometry& post = plan.post();
  const ConvGeometry& g = plan.geometry();
  const AxisTable& tx = plan.x();
  const AxisTable& ty = plan.y();
  const long row_len = long(pre.nx_ext()) * pre.nf;
  const int nf = pre.nf, nfp = g.nfp, nxp = g.nxp(), kx = g.kernels_x();
  const long ps = long(g.patch_size());
  const long post_rows = long(post.nbatch) * post.ny;
  const long post_row_len = long(post.nx) * nfp;
  const float* a_all = activity.data();
  const float* w_all = kernels.data();
  float* g_all = gsyn.data();

#pragma omp parallel for schedule(static)
  for (long br = 0; br < post_rows; ++br) {
    const long b = br / post.ny;
    const int yp = int(br % post.ny);
    for (int xp = 0; xp < post.nx; ++xp) {
      float* g_out = g_all + br * post_row_len + long(xp) * nfp;
      for (int e = ty.first[yp]; e < ty.first[yp + 1]; ++e) {
        const int yl = ty.pre[e], py = ty.offset[e];
        const int cell_y = ty.cell[std::size_t(yl - ty.pre_begin)];
        const float* a_row = a_all + (b * pre.ny_ext() + yl + pre.halo.dn) * row_len;
        for (int ex = tx.first[xp]; ex < tx.first[xp + 1]; ++ex) {
          const int xl = tx.pre[ex], px = tx.offset[ex];
          const float* a_px = a_row + long(xl + pre.halo.lt) * nf;
          const long kernel0 = long(cell_y * kx + tx.cell[std::size_t(xl - tx.pre_begin)]) * g.nf_pre;
          const float* w0 = w_all + (long(py) * nxp + px) * nfp;
          for (int f = 0; f < nf; ++f) {
            const float a = a_px[f];
            if (a == 0.0f) continue;  // as the scatter skips it, so that both add the same terms
            axpy(g_out, w0 + (kernel0 + f) * ps, a, nfp);
          }
        }
      }
    }
  }
}

}  // namespace spv
