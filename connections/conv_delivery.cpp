#include "connections/conv_delivery.hpp"

#include <algorithm>
#include <cstring>
#include <immintrin.h>
#include <string>

#include "core/errors.hpp"
#include "connections/regular_gather.hpp"
#include "core/kernels/parallel.hpp"

namespace spv {

AxisTable make_axis_table(const AxisMap& axis, int pre_n, int pre_k0, int halo_before, int halo_after, int post_n,
                          int post_k0) {
  const ConvAxisShape shape{axis.n_pre, axis.n_post, axis.patch, axis.up, axis.down};
  return make_conv_axis_tables(shape, pre_n, pre_k0, halo_before, halo_after, post_n, post_k0);
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
  x_taps_ = make_axis_taps(x_, g.x.down, post.nx);
  y_taps_ = make_axis_taps(y_, g.y.down, post.ny);
  if (!x_taps_.regular() || !y_taps_.regular()) return;
  const long row_len = long(pre.nx_ext()) * pre.nf;
  for (std::size_t qy = 0; qy < y_taps_.cell.size(); ++qy)
    for (std::size_t qx = 0; qx < x_taps_.cell.size(); ++qx)
      for (int f = 0; f < pre.nf; ++f) {
        const long kernel = long(y_taps_.cell[qy] * g.kernels_x() + x_taps_.cell[qx]) * g.nf_pre + f;
        term_activity_.push_back(long(qy) * row_len + long(qx) * pre.nf + f);
        term_weight_.push_back(kernel * long(g.patch_size()) +
                               (long(y_taps_.offset[qy]) * g.nxp() + x_taps_.offset[qx]) * g.nfp);
      }
}

AxisTaps make_axis_taps(const AxisTable& t, int stride, int post_n) {
  AxisTaps a;
  if (post_n == 0 || t.first.size() < 2) return a;
  a.stride = stride;
  const int k = t.first[1] - t.first[0];
  if (k == 0) return a;
  a.first = t.pre[std::size_t(t.first[0])];
  for (int q = 0; q < k; ++q) {
    const std::size_t e = std::size_t(t.first[0] + q);
    a.cell.push_back(t.cell[std::size_t(t.pre[e] - t.pre_begin)]);
    a.offset.push_back(t.offset[e]);
  }
  for (int p = 0; p < post_n; ++p) {
    bool regular = t.first[p + 1] - t.first[p] == k;
    for (int q = 0; regular && q < k; ++q) {
      const std::size_t e = std::size_t(t.first[p] + q);
      regular = t.pre[e] == a.first + p * stride + q && t.offset[e] == a.offset[std::size_t(q)] &&
                t.cell[std::size_t(t.pre[e] - t.pre_begin)] == a.cell[std::size_t(q)];
    }
    if (!regular) return {};
  }
  return a;
}

void ActiveRows::resize_for(const LayerGeometry& pre) {
  entries.assign(std::size_t(pre.nbatch) * pre.neurons_ext(), Entry{});
  count.assign(std::size_t(pre.nbatch) * pre.ny_ext(), 0u);
  total = 0;
}

namespace {

// Eight floats (GCC vector extension, unaligned access through memcpy): the gather's register blocks. Lanes are
// independent, so the rounding of each element is that of the scalar expression above.
using Vec8 = float __attribute__((vector_size(32)));
inline Vec8 load8(const float* p) {
  Vec8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store8(float* p, Vec8 v) { std::memcpy(p, &v, sizeof v); }

// g[q] += a * w[q], eight lanes at a time; kept as one expression per element (and the library built without FMA
// contraction) so that scatter and gather round identically.
inline void axpy(float* g, const float* w, float a, long n) {
  long q = 0;
  for (; q + 8 <= n; q += 8) store8(g + q, load8(g + q) + a * load8(w + q));
  for (; q < n; ++q) g[q] += a * w[q];
}

// out[0 .. 8 NV) += every term of one post pixel, the sums held in registers across all terms (the terms come in the
// same ascending pre order as the scatter adds them). terms(w_base, add) calls add(a, w) for each term, w being
// w_base plus the term's weight offset: passing the block's own base keeps every load at a fixed displacement.
template <int NV, class Terms>
inline void gather_block(float* out, const float* w_base, const Terms& terms) {
  Vec8 acc[NV];
  for (int j = 0; j < NV; ++j) acc[j] = load8(out + 8 * j);
  terms(w_base, [&](float a, const float* w) {
    const Vec8 av = {a, a, a, a, a, a, a, a};
    for (int j = 0; j < NV; ++j) acc[j] = acc[j] + av * load8(w + 8 * j);
  });
  for (int j = 0; j < NV; ++j) store8(out + 8 * j, acc[j]);
}

// All nfp features of one post pixel, in register blocks of 64, then 8, then single floats.
template <class Terms>
inline void gather_pixel(float* out, const float* w_all, int nfp, const Terms& terms) {
  int c = 0;
  for (; c + 64 <= nfp; c += 64) gather_block<8>(out + c, w_all + c, terms);
  for (; c + 8 <= nfp; c += 8) gather_block<1>(out + c, w_all + c, terms);
  for (; c < nfp; ++c) {
    float acc = out[c];
    terms(w_all + c, [&](float a, const float* w) { acc = acc + a * w[0]; });
    out[c] = acc;
  }
}

// g_row[s + q] += sum over the run's neurons (in order) of value * w[q], q < n: a run of active neurons at one pre
// position reaches one span, so each 8-float chunk is loaded once, takes every neuron's term in registers and is
// stored once (adding into memory neuron by neuron would chain every term through a store and a reload). Chunks sit
// at fixed positions of the row (multiples of 8) so that the overlapping spans of neighbouring runs load exactly
// what was stored; lanes outside the span are masked on load and restored by a blend, so each element gets exactly
// g + a * w per term or stays as it was. Chunks past the row's end (another thread's row) go one float at a time.
inline void axpy_run_in_row(float* g_row, long row_len, long s, long n, const ActiveRows::Entry* run, long count,
                            const float* w_py) {
  const long end = s + n;
  long c = s & ~7L;
  const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  for (; c < end && c + 8 <= row_len; c += 8) {
    // Lanes c + i with s <= c + i < end.
    const __m256i lo = _mm256_set1_epi32(int(s - c - 1)), hi = _mm256_set1_epi32(int(end - c));
    const __m256i in = _mm256_and_si256(_mm256_cmpgt_epi32(lane, lo), _mm256_cmpgt_epi32(hi, lane));
    const __m256 gv = _mm256_loadu_ps(g_row + c);
    __m256 acc = gv;
    for (long j = 0; j < count; ++j) {
      const __m256 wv = _mm256_maskload_ps(w_py + run[j].weight + (c - s), in);
      acc = _mm256_add_ps(acc, _mm256_mul_ps(_mm256_set1_ps(run[j].value), wv));
    }
    _mm256_storeu_ps(g_row + c, _mm256_blendv_ps(gv, acc, _mm256_castsi256_ps(in)));
  }
  for (long q = std::max(c, s); q < end; ++q) {
    float acc = g_row[q];
    for (long j = 0; j < count; ++j) acc = acc + run[j].value * w_py[run[j].weight + (q - s)];
    g_row[q] = acc;
  }
}

}  // namespace

long count_active(const ConvPlan& plan, std::span<const float> activity) {
  const LayerGeometry& pre = plan.pre();
  const AxisTable& tx = plan.x();
  const AxisTable& ty = plan.y();
  const int nf = pre.nf;
  const long row_len = long(pre.nx_ext()) * nf;
  const long k_begin = long(tx.pre_begin + pre.halo.lt) * nf, k_end = long(tx.pre_end + pre.halo.lt) * nf;
  const int reach_rows = ty.pre_end - ty.pre_begin;
  const long rows = long(pre.nbatch) * reach_rows;
  long total = 0;
#pragma omp parallel for schedule(static) reduction(+ : total) if (rows * (k_end - k_begin) >= kParallelMinElements)
  for (long r = 0; r < rows; ++r) {
    const long b = r / reach_rows, yl = ty.pre_begin + r % reach_rows;
    const float* a = activity.data() + (b * pre.ny_ext() + yl + pre.halo.dn) * row_len;
    long n = 0;
    for (long k = k_begin; k < k_end; ++k) n += a[k] != 0.0f;  // vectorised: a compare and an add per lane
    total += n;
  }
  return total;
}

void find_active(const ConvPlan& plan, std::span<const float> activity, ActiveRows& scratch) {
  const LayerGeometry& pre = plan.pre();
  const ConvGeometry& g = plan.geometry();
  const AxisTable& tx = plan.x();
  const AxisTable& ty = plan.y();
  const int ny_ext = pre.ny_ext();
  const long rows = long(pre.nbatch) * ny_ext;
  const int nf = pre.nf, nfp = g.nfp, kx = g.kernels_x();
  const long ps = long(g.patch_size());
  const long row_len = long(pre.nx_ext()) * nf;
  // Only the columns and rows whose patch reaches the post tile; the rest is never read.
  const int col0 = tx.pre_begin + pre.halo.lt;  // extended column of x-table entry 0
  const long k_begin = long(col0) * nf, k_end = long(tx.pre_end + pre.halo.lt) * nf;
  const float* a_all = activity.data();
  ActiveRows::Entry* entries = scratch.entries.data();
  std::uint32_t* count = scratch.count.data();
  long total = 0;
#pragma omp parallel for schedule(static) reduction(+ : total) if (rows * row_len >= kParallelMinElements)
  for (long r = 0; r < rows; ++r) {
    const int yl = int(r % ny_ext) - pre.halo.dn;
    std::uint32_t n = 0;
    if (yl >= ty.pre_begin && yl < ty.pre_end) {
      const float* a = a_all + r * row_len;
      ActiveRows::Entry* out = entries + r * row_len;
      const long kernel_y = long(ty.cell[std::size_t(yl - ty.pre_begin)]) * kx;
      // Each neuron's weights (before the patch row), post span and value, worked out once for all post rows.
      const auto take = [&](long k) {
        const int col = int(k / nf), f = int(k - long(col) * nf);
        const std::size_t t = std::size_t(col - col0);
        const int lo = tx.post_lo[t];
        out[n++] = {a[k], (kernel_y + tx.cell[t]) * g.nf_pre * ps + long(f) * ps + long(tx.offset_lo[t]) * nfp,
                    lo * nfp, (tx.post_hi[t] - lo) * nfp};
      };
      long k = k_begin;
      // Eight at a time: LCA rows are mostly zero, so most blocks are skipped after one test (all bits zero; a -0.0
      // falls through to the exact test).
      for (; k + 8 <= k_end; k += 8) {
        std::uint64_t bits[4];
        std::memcpy(bits, a + k, sizeof bits);
        if ((bits[0] | bits[1] | bits[2] | bits[3]) == 0) continue;
        for (long q = k; q < k + 8; ++q)
          if (a[q] != 0.0f) take(q);
      }
      for (; k < k_end; ++k)
        if (a[k] != 0.0f) take(k);
    }
    count[r] = n;
    total += n;
  }
  scratch.total = total;
}

void deliver_scatter(const ConvPlan& plan, std::span<const float>, std::span<const float> kernels,
                     std::span<float> gsyn, const ActiveRows& scratch) {
  const LayerGeometry& pre = plan.pre();
  const LayerGeometry& post = plan.post();
  const ConvGeometry& g = plan.geometry();
  const AxisTable& ty = plan.y();
  const long row_len = long(pre.nx_ext()) * pre.nf;
  const ActiveRows::Entry* entries = scratch.entries.data();
  const std::uint32_t* count = scratch.count.data();
  const int nfp = g.nfp, nxp = g.nxp();
  const long post_rows = long(post.nbatch) * post.ny;
  const long post_row_len = long(post.nx) * nfp;
  const float* w_all = kernels.data();
  float* g_all = gsyn.data();

#pragma omp parallel for schedule(dynamic, 1) if (scratch.total * long(g.patch_size()) >= kParallelMinElements)
  for (long br = 0; br < post_rows; ++br) {
    const long b = br / post.ny;
    const int yp = int(br % post.ny);
    float* g_row = g_all + br * post_row_len;
    for (int e = ty.first[yp]; e < ty.first[yp + 1]; ++e) {
      const long r = b * pre.ny_ext() + ty.pre[e] + pre.halo.dn;
      const ActiveRows::Entry* row = entries + r * row_len;
      const std::uint32_t n = count[r];
      const float* w_py = w_all + long(ty.offset[e]) * nxp * nfp;
      for (std::uint32_t j = 0; j < n;) {
        std::uint32_t k = j + 1;
        while (k < n && row[k].post == row[j].post && row[k].length == row[j].length) ++k;
        axpy_run_in_row(g_row, post_row_len, row[j].post, row[j].length, row + j, long(k - j), w_py);
        j = k;
      }
    }
  }
}

void deliver_pre_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                             std::span<float> gsyn, ActiveRows& scratch) {
  find_active(plan, activity, scratch);
  deliver_scatter(plan, activity, kernels, gsyn, scratch);
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
  // Multiply-adds of the whole delivery (every pre neuron of every post pixel, times nfp).
  const long work = long(post.nbatch) * long(ty.pre.size()) * long(tx.pre.size()) * nf * nfp;
  const float* a_all = activity.data();
  const float* w_all = kernels.data();
  float* g_all = gsyn.data();

  if (!plan.term_weight().empty()) {
    // Both axes are strided windows: the register-blocked kernel, as wide as this CPU's vectors.
    static const bool wide = gather_regular_avx512_supported();
    if (wide) gather_regular_avx512(plan, activity, kernels, gsyn);
    else gather_regular_avx2(plan, activity, kernels, gsyn);
    return;
  }

#pragma omp parallel for schedule(static) if (work >= kParallelMinElements)
  for (long br = 0; br < post_rows; ++br) {
    const long b = br / post.ny;
    const int yp = int(br % post.ny);
    for (int xp = 0; xp < post.nx; ++xp) {
      // Every (pre neuron, weight vector) term of this post pixel, pre ascending in (y, x, f).
      const auto terms = [&](const float* w_base, auto&& add) {
        for (int e = ty.first[yp]; e < ty.first[yp + 1]; ++e) {
          const int yl = ty.pre[e], py = ty.offset[e];
          const int cell_y = ty.cell[std::size_t(yl - ty.pre_begin)];
          const float* a_row = a_all + (b * pre.ny_ext() + yl + pre.halo.dn) * row_len;
          for (int ex = tx.first[xp]; ex < tx.first[xp + 1]; ++ex) {
            const int xl = tx.pre[ex], px = tx.offset[ex];
            const float* a_px = a_row + long(xl + pre.halo.lt) * nf;
            const long kernel0 = long(cell_y * kx + tx.cell[std::size_t(xl - tx.pre_begin)]) * g.nf_pre;
            const float* w0 = w_base + (long(py) * nxp + px) * nfp;
            for (int f = 0; f < nf; ++f) {
              const float a = a_px[f];
              if (a == 0.0f) continue;  // as the scatter skips it, so that both add the same terms
              add(a, w0 + (kernel0 + f) * ps);
            }
          }
        }
      };
      gather_pixel(g_all + br * post_row_len + long(xp) * nfp, w_all, nfp, terms);
    }
  }
}

}  // namespace spv
