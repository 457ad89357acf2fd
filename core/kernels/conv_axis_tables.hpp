// Per-axis index tables of one convolution on this rank's tiles: for every post coordinate the contributing pre
// coordinates in ascending order (the gather's term order), and for every pre coordinate the post range its patch
// covers. Built on the host once per connection; the CPU deliveries read them directly and the CUDA back-end uploads
// them, so both visit the same terms in the same order.
#pragma once
#include <vector>

#include "core/kernels/conv_shape.hpp"

namespace spv {

struct ConvAxisTables {
  int pre_begin = 0, pre_end = 0;  // the pre coordinates whose patch reaches the post tile
  // Per pre coordinate i (index i - pre_begin): the tile's post coordinates [post_lo, post_hi) it reaches, the patch
  // offset of post_lo, and its kernel cell.
  std::vector<int> post_lo, post_hi, offset_lo, cell;
  // Per post coordinate p: entries [first[p], first[p + 1]) of (pre, offset, entry_cell), pre ascending.
  std::vector<int> first, pre, offset, entry_cell;
};

// `pre_n`, `pre_k0`: the pre tile's size and global offset along the axis, with `halo_before`/`halo_after` halo
// available; likewise for post.
ConvAxisTables make_conv_axis_tables(const ConvAxisShape& axis, int pre_n, int pre_k0, int halo_before,
                                     int halo_after, int post_n, int post_k0);

}  // namespace spv
