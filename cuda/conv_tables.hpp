// Per-axis index tables of one convolution on this rank's tiles, built on the host once and uploaded: for every
// post coordinate the contributing pre coordinates in ascending order (the CPU gather's term order), and for every
// pre coordinate the post range its patch covers. The same tables as connections/conv_delivery's AxisTable, built
// from the plain ConvShape so that cuda/ depends on core/ only.
#pragma once
#include <vector>

#include "core/kernels/conv_shape.hpp"

namespace spv {

struct ConvAxisTables {
  int pre_begin = 0, pre_end = 0;
  // Per pre coordinate i in [pre_begin, pre_end): post range [post_lo, post_hi), patch offset of post_lo, cell.
  std::vector<int> post_lo, post_hi, offset_lo, pre_cell;
  // Per post coordinate p: entries [first[p], first[p + 1]) of (pre, offset, cell), pre ascending.
  std::vector<int> first, pre, offset, cell;
};

// `pre_n`, `pre_k0`, halos: the pre tile along this axis; `post_n`, `post_k0`: the post tile.
ConvAxisTables make_conv_axis_tables(const ConvAxisShape& axis, int pre_n, int pre_k0, int halo_before,
                                     int halo_after, int post_n, int post_k0);

}  // namespace spv
