// Test helpers for the connection tests: the patch conventions written out independently from the design text
// (not from connections/), a brute-force double-precision convolution, tiles filled from a global function, and
// the library's ConvGeometry of a case, so the code under test runs on the same sizes.
#pragma once
#include <cmath>
#include <cstddef>
#include <functional>
#include <vector>

#include "connections/conv_geometry.hpp"
#include "core/geometry.hpp"
#include "core/rng.hpp"

namespace spv::test {

// Whether pre neuron i reaches post neuron j along one axis, and at which patch offset.
inline bool connects(int n_pre, int n_post, int patch, int i, int j, int* offset) {
  int start;
  if (n_post >= n_pre) {
    const int s = n_post / n_pre;
    start = s * i - (patch - s) / 2;  // (patch - s) is even: both are multiples of a power of two >= 2, or s = 1
  } else {
    const int r = n_pre / n_post;
    const int first = r * j - (patch * r - r) / 2;  // the pre neurons post j reaches, as a one-to-many transpose
    if (i < first || i > first + patch * r - 1) return false;
    start = int(std::ceil(double(i - (patch * r - 1) + (patch * r - r) / 2) / r));
  }
  *offset = j - start;
  return *offset >= 0 && *offset < patch;
}

inline int pos_mod(int i, int r) { return ((i % r) + r) % r; }

struct RefConv {
  int nx_pre, ny_pre, nf_pre, nx_post, ny_post, nfp, nxp, nyp;
  int rx() const { return nx_pre > nx_post ? nx_pre / nx_post : 1; }
  int ry() const { return ny_pre > ny_post ? ny_pre / ny_post : 1; }
  int kernels() const { return rx() * ry() * nf_pre; }
  std::size_t patch_size() const { return std::size_t(nxp) * nyp * nfp; }
  int kernel(int gx, int gy, int f) const { return (pos_mod(gy, ry()) * rx() + pos_mod(gx, rx())) * nf_pre + f; }
};

// Post (global, restricted [y][x][f]) input from pre activity act(gx, gy, f) defined on the global coordinates
// [-margin, n + margin); also the sum of |terms| per element, the scale of its rounding error.
inline void reference_conv(const RefConv& c, const std::function<float(int, int, int)>& act,
                           const std::vector<float>& w, int margin, std::vector<double>& out,
                           std::vector<double>& abs_sum) {
  out.assign(std::size_t(c.nx_post) * c.ny_post * c.nfp, 0.0);
  abs_sum.assign(out.size(), 0.0);
  for (int jy = 0; jy < c.ny_post; ++jy)
    for (int jx = 0; jx < c.nx_post; ++jx)
      for (int iy = -margin; iy < c.ny_pre + margin; ++iy) {
        int py;
        if (!connects(c.ny_pre, c.ny_post, c.nyp, iy, jy, &py)) continue;
        for (int ix = -margin; ix < c.nx_pre + margin; ++ix) {
          int px;
          if (!connects(c.nx_pre, c.nx_post, c.nxp, ix, jx, &px)) continue;
          for (int f = 0; f < c.nf_pre; ++f) {
            const double a = act(ix, iy, f);
            const std::size_t k = std::size_t(c.kernel(ix, iy, f));
            for (int fp = 0; fp < c.nfp; ++fp) {
              const double term = a * w[k * c.patch_size() + (std::size_t(py) * c.nxp + px) * c.nfp + fp];
              const std::size_t o = (std::size_t(jy) * c.nx_post + jx) * c.nfp + fp;
              out[o] += term;
              abs_sum[o] += std::fabs(term);
            }
          }
        }
      }
}

// The library's ConvGeometry for a case with RefConv's size fields, to run the code under test on that case.
template <class C>
ConvGeometry geometry_of(const C& c) {
  ConvGeometry g;
  g.x = make_axis(c.nx_pre, c.nx_post, c.nxp);
  g.y = make_axis(c.ny_pre, c.ny_post, c.nyp);
  g.nf_pre = c.nf_pre;
  g.nfp = c.nfp;
  return g;
}

// A tile of a layer: global size, this tile's offset and size, the halo.
inline LayerGeometry tile(int nx_global, int ny_global, int nf, int nx, int ny, int kx0, int ky0, Halo halo,
                          int nbatch = 1) {
  LayerGeometry g;
  g.nx_global = nx_global;
  g.ny_global = ny_global;
  g.nf = nf;
  g.nx = nx;
  g.ny = ny;
  g.kx0 = kx0;
  g.ky0 = ky0;
  g.nbatch = nbatch;
  g.nbatch_global = nbatch;
  g.halo = halo;
  return g;
}

// The extended buffer of a tile (all batch elements) filled from act(b, gx, gy, f).
inline std::vector<float> fill_extended(const LayerGeometry& g, const std::function<float(int, int, int, int)>& act) {
  std::vector<float> a(std::size_t(g.nbatch) * g.neurons_ext());
  for (int b = 0; b < g.nbatch; ++b)
    for (int y = -g.halo.dn; y < g.ny + g.halo.up; ++y)
      for (int x = -g.halo.lt; x < g.nx + g.halo.rt; ++x)
        for (int f = 0; f < g.nf; ++f)
          a[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)] = act(b, x + g.kx0, y + g.ky0, f);
  return a;
}

// A reproducible value in [-1, 1) that is exactly zero with probability `zero_fraction` (sparse activity).
inline float test_value(std::uint64_t stream, std::uint64_t index, double zero_fraction = 0.0) {
  const RngKey key{12345, stream};
  if (uniform01(key, index, 1) < zero_fraction) return 0.0f;
  return float(2.0 * uniform01(key, index, 0) - 1.0);
}

}  // namespace spv::test
