#include "connections/conv_kernels_cpu.hpp"

#include "connections/hebbian_dw.hpp"
#include "core/errors.hpp"

namespace spv {

namespace {

ConvAxisShape axis_shape(const AxisMap& a) { return {a.n_pre, a.n_post, a.patch, a.up, a.down}; }

}  // namespace

ConvShape conv_shape_of(const ConvGeometry& g, const LayerGeometry& pre, const LayerGeometry& post) {
  ConvShape s;
  s.pre = pre;
  s.post = post;
  s.x = axis_shape(g.x);
  s.y = axis_shape(g.y);
  s.nf_pre = g.nf_pre;
  s.nfp = g.nfp;
  return s;
}

ConvGeometry conv_geometry_of(const ConvShape& s) {
  ConvGeometry g;
  g.x = make_axis(s.x.n_pre, s.x.n_post, s.x.patch);
  g.y = make_axis(s.y.n_pre, s.y.n_post, s.y.patch);
  g.nf_pre = s.nf_pre;
  g.nfp = s.nfp;
  return g;
}

CpuConvKernels::CpuConvKernels(const ConvShape& shape)
    : shape_(shape), plan_(conv_geometry_of(shape), shape.pre, shape.post) {
  scratch_.resize_for(shape.pre);
}

void CpuConvKernels::deliver(const ConvDeliverArgs& args, DeliveryMode mode) {
  const std::size_t nb = std::size_t(shape_.pre.nbatch);
  std::span<const float> activity(args.activity, nb * shape_.pre.neurons_ext());
  std::span<const float> kernels(args.kernels, std::size_t(shape_.kernels()) * shape_.patch_size());
  std::span<float> gsyn(args.gsyn, nb * shape_.post.neurons());
  if (mode == DeliveryMode::Library) throw Error("the CPU convolution kernels offer no library delivery");
  if (mode == DeliveryMode::Dense) deliver_post_perspective(plan_, activity, kernels, gsyn);
  else deliver_pre_perspective(plan_, activity, kernels, gsyn, scratch_);
}

void CpuConvKernels::accumulate_dw(const DwArgs& args) {
  const std::size_t n = std::size_t(shape_.kernels()) * shape_.patch_size();
  DwGrid grid;
  grid.exponent = args.unit_exponent;
  accumulate_hebbian_dw(plan_, {args.pre, shape_.pre.neurons_ext()}, {args.post, args.post_ext.neurons_ext()},
                        args.dw_max, grid, {args.dw, n}, {args.counts, n});
}

std::unique_ptr<ConvKernels> make_conv_kernels(Backend& backend, const ConvShape& shape) {
  if (auto own = backend.make_conv(shape)) return own;
  if (!backend.host_addressable())
    throw GeometryError("the " + backend.name() + " back-end has no convolution kernels for this connection");
  return std::make_unique<CpuConvKernels>(shape);
}

}  // namespace spv
