// The CPU convolution of a shared-weight connection over plain buffers: scatter from the active pre neurons
// (pre-perspective) and gather over post neurons (post-perspective). Both add each post neuron's contributions in
// ascending pre index order (y, x, f), and threads split the post rows, so the two agree bit for bit and neither
// depends on the thread count.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "connections/conv_geometry.hpp"
#include "core/geometry.hpp"

namespace spv {

// One axis of a (pre tile, post tile) pair, in local coordinates (pre coordinates may lie in the halo).
struct AxisTable {
  int pre_begin = 0, pre_end = 0;  // the pre coordinates whose patch reaches the post tile
  // Per pre coordinate i (index i - pre_begin): the tile's post coordinates [post_lo, post_hi) it reaches, the patch
  // offset of post_lo, and its kernel cell.
  std::vector<int> post_lo, post_hi, offset_lo, cell;
  // Per post coordinate p: entries [first[p], first[p + 1]) of (pre, offset), pre ascending.
  std::vector<int> first, pre, offset;
};

// `pre_n`, `pre_k0`: the pre tile's size and global offset along the axis, with `halo_before`/`halo_after` halo
// available; likewise for post.
AxisTable make_axis_table(const AxisMap& axis, int pre_n, int pre_k0, int halo_before, int halo_after, int post_n,
                          int post_k0);

// Everything the deliveries precompute for one connection on this rank; built once at allocate.
class ConvPlan {
 public:
  ConvPlan() = default;
  // Throws GeometryError if the pre layer's halo is smaller than the connection needs.
  ConvPlan(const ConvGeometry& g, const LayerGeometry& pre, const LayerGeometry& post);

  const ConvGeometry& geometry() const { return geometry_; }
  const LayerGeometry& pre() const { return pre_; }
  const LayerGeometry& post() const { return post_; }
  const AxisTable& x() const { return x_; }
  const AxisTable& y() const { return y_; }

 private:
  ConvGeometry geometry_;
  LayerGeometry pre_, post_;
  AxisTable x_, y_;
};

// Scratch of the scatter: the active neurons of every extended pre row, sized once so that delivery never allocates.
struct ActiveRows {
  std::vector<std::uint32_t> index;  // per row, positions (x_ext * nf + f) of non-zero activity, ascending
  std::vector<std::uint32_t> count;  // per row (batch-major), how many
  void resize_for(const LayerGeometry& pre);
};

// gsyn (post [batch][y][x][f] restricted) += W * activity (pre [batch][y][x][f] extended), for one arbor's
// kernels ([kernel][y][x][f]).
void deliver_pre_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                             std::span<float> gsyn, ActiveRows& scratch);
void deliver_post_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                              std::span<float> gsyn);

}  // namespace spv
