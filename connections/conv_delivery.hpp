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
#include "core/kernels/conv_axis_tables.hpp"

namespace spv {

// One axis of a (pre tile, post tile) pair, in local coordinates (pre coordinates may lie in the halo); the same
// tables the CUDA back-end uploads (core/kernels/conv_axis_tables.hpp).
using AxisTable = ConvAxisTables;

// `pre_n`, `pre_k0`: the pre tile's size and global offset along the axis, with `halo_before`/`halo_after` halo
// available; likewise for post.
AxisTable make_axis_table(const AxisMap& axis, int pre_n, int pre_k0, int halo_before, int halo_after, int post_n,
                          int post_k0);

// One axis as a strided window, when the table is one (every post p reads pre first + p * stride + q, q < taps, with
// the same kernel cell and patch offset for each q): the gather's fast path and the library's layout.
struct AxisTaps {
  int first = 0, stride = 1;
  std::vector<int> cell, offset;  // per tap q; empty when the axis is not a regular window
  bool regular() const { return !cell.empty(); }
};
AxisTaps make_axis_taps(const AxisTable& t, int stride, int post_n);

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
  const AxisTaps& x_taps() const { return x_taps_; }
  const AxisTaps& y_taps() const { return y_taps_; }
  // With both axes regular: per term (tap y, tap x, pre feature; ascending pre order) the activity offset from the
  // window's origin and the weight offset from the arbor's start; empty otherwise.
  const std::vector<long>& term_activity() const { return term_activity_; }
  const std::vector<long>& term_weight() const { return term_weight_; }

 private:
  ConvGeometry geometry_;
  LayerGeometry pre_, post_;
  AxisTable x_, y_;
  AxisTaps x_taps_, y_taps_;
  std::vector<long> term_activity_, term_weight_;
};

// Scratch of the scatter: the active neurons of every extended pre row, sized once so that delivery never allocates.
struct ActiveRows {
  // One active neuron as the scatter uses it: its value, its weights' offset in the arbor (patch row 0), and the
  // span of the post row it reaches (offset and length in floats).
  struct Entry {
    float value = 0.0f;
    long weight = 0;
    int post = 0, length = 0;
  };
  std::vector<Entry> entries;        // per extended pre row (row_len slots), the row's active neurons, x ascending
  std::vector<std::uint32_t> count;  // per row (batch-major), how many
  long total = 0;                    // how many in all: the measured sparsity
  void resize_for(const LayerGeometry& pre);
};

// How many non-zero pre neurons reach the post tile (what find_active would list), without listing them.
long count_active(const ConvPlan& plan, std::span<const float> activity);
// Lists the non-zero pre neurons (those whose patch reaches the post tile) into `scratch`.
void find_active(const ConvPlan& plan, std::span<const float> activity, ActiveRows& scratch);
// gsyn += the contributions of the neurons find_active listed (the scatter).
void deliver_scatter(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                     std::span<float> gsyn, const ActiveRows& scratch);

// gsyn (post [batch][y][x][f] restricted) += W * activity (pre [batch][y][x][f] extended), for one arbor's
// kernels ([kernel][y][x][f]). Pre-perspective: find_active, then deliver_scatter.
void deliver_pre_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                             std::span<float> gsyn, ActiveRows& scratch);
// Post-perspective: every post pixel sums its pre neurons in registers (zero activity skipped as the scatter does).
void deliver_post_perspective(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                              std::span<float> gsyn);

}  // namespace spv
