#include "connections/conv_delivery.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "core/errors.hpp"
#include "connections/conv_isa_kernels.hpp"
#include "core/build_config.hpp"
#include "core/kernels/isa.hpp"
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

// The kernels of this process's ISA, chosen once.
const ConvIsaKernels& kernels_here() {
  static const ConvIsaKernels& k = conv_isa_kernels(active_isa());
  return k;
}

}  // namespace

long count_active(const ConvPlan& plan, std::span<const float> activity) {
  return kernels_here().count_active(plan, activity);
}

void find_active(const ConvPlan& plan, std::span<const float> activity, ActiveRows& scratch) {
  kernels_here().find_active(plan, activity, scratch);
}

void deliver_scatter(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                     std::span<float> gsyn, const ActiveRows& scratch) {
  kernels_here().deliver_scatter(plan, activity, kernels, gsyn, scratch);
}

void deliver_pre_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                             std::span<float> gsyn, ActiveRows& scratch) {
  find_active(plan, activity, scratch);
  deliver_scatter(plan, activity, kernels, gsyn, scratch);
}

void deliver_post_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                              std::span<float> gsyn) {
  kernels_here().gather(plan, activity, kernels, gsyn);
}

const ConvIsaKernels& conv_isa_kernels(Isa isa) {
#if SPV_ISA_VARIANTS
  static const ConvIsaKernels avx512{isa_avx2::kConvKernels.count_active, isa_avx2::kConvKernels.find_active,
                                     isa_avx2::kConvKernels.deliver_scatter, isa_avx512::kConvKernels.gather_regular,
                                     isa_avx2::kConvKernels.gather_generic};
  if (isa == Isa::avx512) return avx512;
  if (isa == Isa::avx2) return isa_avx2::kConvKernels;
#endif
  (void)isa;
  return isa_portable::kConvKernels;
}

}  // namespace spv
