// The Hebbian change of one batch element against a brute-force sum over every connected (pre, post) pair written
// from the patch conventions alone; its adjointness to the delivery; tiles of a split layer adding up to the whole,
// exactly; the grid of the exact sums.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "connections/hebbian_dw.hpp"
#include "tests/unit/connections/conv_reference.hpp"

using namespace spv;
using spv::test::geometry_of;

namespace {

struct Case {
  std::string name;
  test::RefConv c;
  double sparsity;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      // name, {nx_pre, ny_pre, nf_pre, nx_post, ny_post, nfp, nxp, nyp}, fraction of zero pre activity
      {"one-to-one, odd patch", {8, 6, 3, 8, 6, 2, 5, 3}, 0.3},
      {"one-to-many stride 2, patch 4 (a dictionary)", {4, 4, 5, 8, 8, 3, 4, 4}, 0.6},
      {"many-to-one r = 2, patch 3", {8, 8, 2, 4, 4, 3, 3, 3}, 0.2},
      {"one pre neuron seeing the whole post layer (the bars dictionary)", {1, 1, 6, 8, 8, 1, 8, 8}, 0.5},
  };
  return all;
}

// Pre activity on every global coordinate (halo included: it holds a neighbour's or the boundary's values).
float pre_act(const Case& k, int gx, int gy, int f) {
  return test::test_value(21, (std::uint64_t(gy + 64) * 256 + std::uint64_t(gx + 64)) * 16 + std::uint64_t(f),
                          k.sparsity);
}
float post_act(int gx, int gy, int f) {
  return test::test_value(22, (std::uint64_t(gy) * 256 + std::uint64_t(gx)) * 16 + std::uint64_t(f));
}

struct Dw {
  std::vector<std::int64_t> dw, counts;
  // The sums as values.
  std::vector<double> values(const DwGrid& grid) const {
    std::vector<double> v(dw.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = double(dw[i]) * grid.unit();
    return v;
  }
};

// Activities lie in [-1, 1]; any grid that every tile shares will do.
DwGrid grid_for(float dw_max) { return dw_grid(dw_max, 1e6); }

// The change computed on one tile (tx, ty of tx_count x ty_count), pre halo one wider than needed, post halo 2.
Dw tile_dw(const Case& k, int tx, int ty, int tx_count, int ty_count, float dw_max) {
  const test::RefConv& c = k.c;
  const ConvGeometry g = geometry_of(c);
  Halo h = g.pre_halo();
  h.lt += 1;
  h.rt += 1;
  h.dn += 1;
  h.up += 1;
  const int pnx = c.nx_pre / tx_count, pny = c.ny_pre / ty_count, qnx = c.nx_post / tx_count,
            qny = c.ny_post / ty_count;
  const LayerGeometry pre = test::tile(c.nx_pre, c.ny_pre, c.nf_pre, pnx, pny, tx * pnx, ty * pny, h);
  const LayerGeometry post = test::tile(c.nx_post, c.ny_post, c.nfp, qnx, qny, tx * qnx, ty * qny, Halo{2, 2, 2, 2});
  const ConvPlan plan(g, pre, post);
  const std::vector<float> a = test::fill_extended(pre, [&](int, int x, int y, int f) { return pre_act(k, x, y, f); });
  // The post halo holds values that must never be read.
  const std::vector<float> r = test::fill_extended(post, [&](int, int x, int y, int f) {
    return x < 0 || y < 0 || x >= c.nx_post || y >= c.ny_post ? 1e30f : post_act(x, y, f);
  });
  Dw out{std::vector<std::int64_t>(std::size_t(c.kernels()) * c.patch_size(), 0), {}};
  out.counts = out.dw;
  accumulate_hebbian_dw(plan, a, r, dw_max, grid_for(dw_max), out.dw, out.counts);
  return out;
}

}  // namespace

TEST_CASE("the Hebbian change sums dWMax * pre * post over every connected pair", "[learning]") {
  const float dw_max = 0.375f;
  const DwGrid grid = grid_for(dw_max);
  for (const Case& k : cases()) {
    INFO(k.name);
    const test::RefConv& c = k.c;
    const Dw got = tile_dw(k, 0, 0, 1, 1, dw_max);
    std::vector<std::int64_t> dw(got.dw.size(), 0), counts(got.dw.size(), 0);
    std::vector<double> exact(got.dw.size(), 0.0);
    const int margin = 40;
    for (int iy = -margin; iy < c.ny_pre + margin; ++iy)
      for (int ix = -margin; ix < c.nx_pre + margin; ++ix)
        for (int f = 0; f < c.nf_pre; ++f) {
          const float a = pre_act(k, ix, iy, f);
          if (a == 0.0f) continue;
          for (int jy = 0; jy < c.ny_post; ++jy) {
            int py;
            if (!test::connects(c.ny_pre, c.ny_post, c.nyp, iy, jy, &py)) continue;
            for (int jx = 0; jx < c.nx_post; ++jx) {
              int px;
              if (!test::connects(c.nx_pre, c.nx_post, c.nxp, ix, jx, &px)) continue;
              for (int fp = 0; fp < c.nfp; ++fp) {
                const std::size_t e = std::size_t(c.kernel(ix, iy, f)) * c.patch_size() +
                                      (std::size_t(py) * c.nxp + px) * c.nfp + fp;
                // Rounded on its own, as in OpenPV, then cut to the grid.
                const volatile float term = (dw_max * a) * post_act(jx, jy, fp);
                dw[e] += std::int64_t(std::trunc(std::ldexp(double(term), -grid.exponent)));
                exact[e] += double(term);
                counts[e] += 1;
              }
            }
          }
        }
    CHECK(got.dw == dw);
    CHECK(got.counts == counts);
    // The cut loses less than one unit per term: far below a float's precision here.
    const std::vector<double> values = got.values(grid);
    for (std::size_t i = 0; i < values.size(); ++i)
      CHECK(std::fabs(values[i] - exact[i]) <= double(counts[i]) * grid.unit() + 1e-12 * std::fabs(exact[i]));
    std::int64_t total = 0;
    for (std::int64_t n : counts) total += n;
    CHECK(total > 0);
  }
}

TEST_CASE("the Hebbian change is dWMax times the gradient of <post, W * pre>", "[learning]") {
  // For any kernels V: sum_e dW_e V_e = dWMax sum_j post_j (V * pre)_j, with (V * pre) the delivery. Both sides
  // are float sums of the same terms in different orders: the tolerance is a few ulps of the sum of |terms|.
  for (const Case& k : cases()) {
    INFO(k.name);
    const test::RefConv& c = k.c;
    const std::vector<double> got = tile_dw(k, 0, 0, 1, 1, 1.0f).values(grid_for(1.0f));
    std::vector<float> v(got.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = test::test_value(23, i);
    double lhs = 0, scale = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      lhs += got[i] * v[i];
      scale += std::fabs(got[i] * v[i]);
    }
    std::vector<double> recon, abs_sum;
    test::reference_conv(c, [&](int x, int y, int f) { return pre_act(k, x, y, f); }, v, 40, recon, abs_sum);
    double rhs = 0;
    for (int y = 0; y < c.ny_post; ++y)
      for (int x = 0; x < c.nx_post; ++x)
        for (int f = 0; f < c.nfp; ++f) {
          const std::size_t o = (std::size_t(y) * c.nx_post + x) * c.nfp + f;
          rhs += post_act(x, y, f) * recon[o];
          scale += std::fabs(post_act(x, y, f)) * abs_sum[o];
        }
    CHECK(std::fabs(lhs - rhs) <= 1e-6 * scale);
  }
}

TEST_CASE("the tiles of a split layer add up to the whole layer's change, bit for bit", "[learning]") {
  // Each (pre, post) pair is counted on the tile that owns the post neuron, the pre neuron coming from the halo when
  // another tile owns it. The sums are integers, so the tiles' add up to the whole's exactly, in any order.
  for (const Case& k : cases()) {
    if (k.c.nx_pre < 2 || k.c.ny_pre < 2) continue;
    INFO(k.name);
    const Dw whole = tile_dw(k, 0, 0, 1, 1, 1.0f);
    for (int split : {2, 4}) {
      if (k.c.nx_pre % split || k.c.ny_pre % split || k.c.nx_post % split || k.c.ny_post % split) continue;
      INFO(split << "x" << split << " tiles");
      std::vector<std::int64_t> dw(whole.dw.size(), 0), counts(whole.dw.size(), 0);
      for (int ty = split - 1; ty >= 0; --ty)  // an order unlike the whole's
        for (int tx = 0; tx < split; ++tx) {
          const Dw part = tile_dw(k, tx, ty, split, split, 1.0f);
          for (std::size_t i = 0; i < dw.size(); ++i) {
            dw[i] += part.dw[i];
            counts[i] += part.counts[i];
          }
        }
      CHECK(counts == whole.counts);
      CHECK(dw == whole.dw);
    }
  }
}

TEST_CASE("the grid keeps every term of the bound below 2^62 in total, and 62 - log2(terms) bits of the largest",
          "[learning]") {
  const DwGrid g = dw_grid(0.75, 1000.0);  // terms up to 2^-0.4, 1000 < 2^10 of them
  CHECK(g.finite);
  CHECK(g.exponent == 0 + 10 - 62);
  CHECK(0.75 * 1000.0 * g.scale() < 0x1p62);
  CHECK(0.75 * g.scale() >= 0x1p50);
  CHECK(dw_grid(0.0, 10.0).exponent == 0);
  CHECK_FALSE(dw_grid(std::numeric_limits<double>::infinity(), 10.0).finite);
  CHECK_FALSE(dw_grid(std::nan(""), 10.0).finite);
}
