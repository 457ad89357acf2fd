// Geometry of a convolution between two layers: where each pre neuron's patch lands in post, which kernel (shared
// weights) or own patch (non-shared weights) serves it, and the halo the pre layer needs (OpenPV's PatchGeometry
// conventions).
#pragma once
#include <cstddef>
#include <string>

#include "core/geometry.hpp"

namespace spv {

// One axis (x or y). Coordinates are global and may lie outside the layer (halo): the maps are translation
// invariant, so a tile can use them with its own offsets.
struct AxisMap {
  int n_pre = 1, n_post = 1, patch = 1;
  int up = 1;    // n_post / n_pre when post is at least as dense (one-to-many stride), else 1
  int down = 1;  // n_pre / n_post when pre is denser (many-to-one), else 1

  // First post coordinate of pre neuron i's patch; the patch covers patch_start(i) .. patch_start(i) + patch - 1.
  int patch_start(int i) const;
  // Which of the `down` kernel cells pre neuron i uses (its position within the many-to-one cell).
  int cell(int i) const;
  // Pre neurons needed beyond the lower / upper tile edge so that every post neuron of the tile gets all its input.
  int halo_before() const;
  int halo_after() const;
  // OpenPV's symmetric border of a non-shared weight file (WeightsFileIO::calcNeededBorder): pre neurons this far
  // outside the layer still reach it.
  int needed_border() const;
  // The shrunken patch of pre neuron i: offsets [lo, hi) land inside the post layer (empty when lo >= hi).
  int active_lo(int i) const;
  int active_hi(int i) const;
};

// Why a connection with these sizes along one axis cannot exist, or "" when it can: sizes must be equal or differ by
// a power-of-two factor; equal sizes need an odd patch, one-to-many a patch that is a multiple of the stride.
std::string axis_problem(int n_pre, int n_post, int patch);
// The axis map; the sizes must pass axis_problem.
AxisMap make_axis(int n_pre, int n_post, int patch);

// floor(a / b) for b > 0, also for negative a.
inline int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

struct ConvGeometry {
  AxisMap x, y;
  int nf_pre = 1;
  int nfp = 1;  // patch features = post nf
  // false: one patch per pre neuron of the global layer extended by the needed border (OpenPV's sharedWeights =
  // false); every rank holds all of them, so that learning and initialisation do not depend on the split.
  bool shared = true;

  int nxp() const { return x.patch; }
  int nyp() const { return y.patch; }
  // One kernel per pre feature and per position within the many-to-one cell (the PVP kernel grid).
  int kernels_x() const { return x.down; }
  int kernels_y() const { return y.down; }
  // Non-shared: the patch grid, the global pre layer plus the needed border on each side.
  int patches_x() const { return x.n_pre + 2 * x.needed_border(); }
  int patches_y() const { return y.n_pre + 2 * y.needed_border(); }
  // The weight store's patches: kernels (shared) or one per extended pre neuron (non-shared).
  int kernels() const { return shared ? x.down * y.down * nf_pre : patches_x() * patches_y() * nf_pre; }
  // Non-shared: the patch of the pre neuron at global (gx, gy), feature f; -1 outside the grid (it reaches no post).
  long patch_index(int gx, int gy, int f) const {
    const int px = gx + x.needed_border(), py = gy + y.needed_border();
    if (px < 0 || py < 0 || px >= patches_x() || py >= patches_y()) return -1;
    return (long(py) * patches_x() + px) * nf_pre + f;
  }
  // The kernel (shared) or patch (non-shared) the pre neuron at global (gx, gy), feature f, delivers with.
  long data_index(int gx, int gy, int f) const { return shared ? kernel_index(gx, gy, f) : patch_index(gx, gy, f); }
  // The same geometry with shared weights (the kernels a non-shared initialiser expands from).
  ConvGeometry as_shared() const {
    ConvGeometry g = *this;
    g.shared = true;
    return g;
  }
  std::size_t patch_size() const { return std::size_t(x.patch) * y.patch * nfp; }
  // Kernel of the pre neuron at global (gx, gy), feature f.
  int kernel_index(int gx, int gy, int f) const { return (y.cell(gy) * x.down + x.cell(gx)) * nf_pre + f; }
  // The halo the pre layer needs.
  Halo pre_halo() const { return {x.halo_before(), x.halo_after(), y.halo_before(), y.halo_after()}; }
  // The geometry of the transpose: pre and post swapped, patch rescaled so that exactly the same pairs connect.
  ConvGeometry transposed() const;
};

// Patch size along one axis of the transpose of a connection with this axis.
inline int transposed_patch(const AxisMap& a) { return a.patch * a.down / a.up; }

}  // namespace spv
