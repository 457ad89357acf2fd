#include "core/kernels/conv_axis_tables.hpp"

#include <algorithm>

namespace spv {

ConvAxisTables make_conv_axis_tables(const ConvAxisShape& axis, int pre_n, int pre_k0, int halo_before,
                                     int halo_after, int post_n, int post_k0) {
  ConvAxisTables t;
  bool any = false;
  for (int i = -halo_before; i < pre_n + halo_after; ++i) {
    const int lo = axis.patch_start(i + pre_k0) - post_k0;
    if (std::max(lo, 0) >= std::min(lo + axis.patch, post_n)) continue;
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
      t.entry_cell.push_back(t.cell[k]);
    }
    t.first.push_back(int(t.pre.size()));
  }
  return t;
}

}  // namespace spv
