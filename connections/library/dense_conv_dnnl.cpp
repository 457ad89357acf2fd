// DenseConvLibrary through oneDNN: one forward convolution primitive per connection and tile, reading the extended
// activity in place (NHWC with the halo's row stride) and adding into the post input (a sum post-op).
#include <dnnl.hpp>

#include <vector>

#include "connections/dense_conv_library.hpp"
#include "core/errors.hpp"

namespace spv {

using dnnl::memory;

struct DenseConvLibrary::Impl {
  ConvPlan plan;
  AxisTaps tx, ty;
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  dnnl::stream stream{engine};
  memory::desc src_md, dst_md, user_weights_md;
  dnnl::convolution_forward conv;
  memory weights;
  std::vector<float> user_weights;  // [o][c][ky][kx]
};

bool DenseConvLibrary::available() { return true; }
const char* DenseConvLibrary::name() { return "oneDNN"; }

DenseConvLibrary::DenseConvLibrary(const ConvPlan& plan) : impl_(std::make_unique<Impl>()) {
  const std::string why = unsupported(plan);
  if (!why.empty()) throw Error("\"library\" cannot deliver here: " + why);
  Impl& m = *impl_;
  m.plan = plan;
  const LayerGeometry& pre = plan.pre();
  const LayerGeometry& post = plan.post();
  const ConvGeometry& g = plan.geometry();
  m.tx = plan.x_taps();
  m.ty = plan.y_taps();
  if (!m.tx.regular() || !m.ty.regular())
    throw Error("\"library\" cannot deliver here: the connection's taps do not form a regular strided window");
  const long kx = long(m.tx.cell.size()), ky = long(m.ty.cell.size());
  const long in_w = (post.nx - 1) * long(m.tx.stride) + kx, in_h = (post.ny - 1) * long(m.ty.stride) + ky;
  const long row = long(pre.nx_ext()) * pre.nf;
  m.src_md = memory::desc({post.nbatch, pre.nf, in_h, in_w}, memory::data_type::f32,
                          memory::dims{long(pre.neurons_ext()), 1, row, pre.nf});
  m.dst_md = memory::desc({post.nbatch, g.nfp, post.ny, post.nx}, memory::data_type::f32,
                          memory::dims{long(post.neurons()), 1, long(post.nx) * g.nfp, g.nfp});
  m.user_weights_md = memory::desc({g.nfp, pre.nf, ky, kx}, memory::data_type::f32, memory::format_tag::oihw);
  const memory::desc any_weights({g.nfp, pre.nf, ky, kx}, memory::data_type::f32, memory::format_tag::any);
  const dnnl::convolution_forward::desc d(dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct,
                                          m.src_md, any_weights, m.dst_md, {m.ty.stride, m.tx.stride}, {0, 0}, {0, 0});
  dnnl::post_ops ops;
  ops.append_sum(1.0f);  // gsyn += conv
  dnnl::primitive_attr attr;
  attr.set_post_ops(ops);
  const dnnl::convolution_forward::primitive_desc pd(d, attr, m.engine);
  m.conv = dnnl::convolution_forward(pd);
  m.weights = memory(pd.weights_desc(), m.engine);
  m.user_weights.assign(std::size_t(g.nfp) * pre.nf * ky * kx, 0.0f);
}

DenseConvLibrary::~DenseConvLibrary() = default;
DenseConvLibrary::DenseConvLibrary(DenseConvLibrary&&) noexcept = default;
DenseConvLibrary& DenseConvLibrary::operator=(DenseConvLibrary&&) noexcept = default;

void DenseConvLibrary::set_kernels(std::span<const float> kernels) {
  Impl& m = *impl_;
  const ConvGeometry& g = m.plan.geometry();
  const int nf = m.plan.pre().nf, nfp = g.nfp, nxp = g.nxp(), kxs = g.kernels_x();
  const std::size_t ps = g.patch_size();
  const std::size_t ky = m.ty.cell.size(), kx = m.tx.cell.size();
  for (int o = 0; o < nfp; ++o)
    for (int c = 0; c < nf; ++c)
      for (std::size_t qy = 0; qy < ky; ++qy)
        for (std::size_t qx = 0; qx < kx; ++qx) {
          const std::size_t kernel = std::size_t((m.ty.cell[qy] * kxs + m.tx.cell[qx]) * g.nf_pre + c);
          const std::size_t at = (std::size_t(m.ty.offset[qy]) * nxp + std::size_t(m.tx.offset[qx])) * nfp + o;
          m.user_weights[((std::size_t(o) * nf + c) * ky + qy) * kx + qx] = kernels[kernel * ps + at];
        }
  memory user(m.user_weights_md, m.engine, m.user_weights.data());
  dnnl::reorder(user, m.weights).execute(m.stream, user, m.weights);
  m.stream.wait();
}

void DenseConvLibrary::deliver(std::span<const float> activity, std::span<float> gsyn) {
  Impl& m = *impl_;
  const LayerGeometry& pre = m.plan.pre();
  const float* origin = activity.data() + pre.ext_index(m.tx.first, m.ty.first, 0);
  memory src(m.src_md, m.engine, const_cast<float*>(origin));  // read only: a convolution's source
  memory dst(m.dst_md, m.engine, gsyn.data());
  m.conv.execute(m.stream, {{DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, m.weights}, {DNNL_ARG_DST, dst}});
  m.stream.wait();
}

}  // namespace spv
