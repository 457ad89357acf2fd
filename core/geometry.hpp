// Layer geometry: global size, this rank's tile and batch slice, and the halo the connections reading it need.
#pragma once
#include <algorithm>
#include <cstddef>

namespace spv {

struct Halo {
  int lt = 0, rt = 0, dn = 0, up = 0;  // columns left/right, rows below (smaller y)/above (larger y)
  void grow_to(const Halo& o) {
    lt = std::max(lt, o.lt);
    rt = std::max(rt, o.rt);
    dn = std::max(dn, o.dn);
    up = std::max(up, o.up);
  }
  bool operator==(const Halo&) const = default;
};

// Layout: restricted buffers are [batch][y][x][f]; extended buffers (activity) add the halo around x and y.
struct LayerGeometry {
  int nx_global = 0, ny_global = 0, nf = 0, nbatch_global = 1;
  int nx = 0, ny = 0, kx0 = 0, ky0 = 0;  // this tile
  int nbatch = 1, batch0 = 0;            // this rank's batch slice
  Halo halo;

  int nx_ext() const { return nx + halo.lt + halo.rt; }
  int ny_ext() const { return ny + halo.dn + halo.up; }
  std::size_t neurons() const { return std::size_t(nx) * ny * nf; }               // per batch element
  std::size_t neurons_ext() const { return std::size_t(nx_ext()) * ny_ext() * nf; }  // per batch element
  std::size_t global_neurons() const { return std::size_t(nx_global) * ny_global * nf; }
  // Index into a restricted buffer of one batch element.
  std::size_t index(int x, int y, int f) const { return (std::size_t(y) * nx + x) * nf + f; }
  // Index into an extended buffer of one batch element; x, y are restricted (tile) coordinates, may reach into halo.
  std::size_t ext_index(int x, int y, int f) const {
    return (std::size_t(y + halo.dn) * nx_ext() + (x + halo.lt)) * nf + f;
  }
};

}  // namespace spv
