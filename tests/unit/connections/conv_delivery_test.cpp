// Both deliveries against a brute-force double-precision convolution; scatter and gather equal bit for bit; tiles
// of a split layer together equal the whole; results independent of the thread count.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "connections/conv_delivery.hpp"
#include "tests/unit/connections/conv_reference.hpp"

using namespace spv;
using spv::test::geometry_of;

namespace {

struct Case {
  std::string name;
  test::RefConv c;
  double sparsity;  // fraction of zero pre activity
};

std::vector<float> random_kernels(const test::RefConv& c, std::uint64_t stream) {
  std::vector<float> w(std::size_t(c.kernels()) * c.patch_size());
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = test::test_value(stream, i);
  return w;
}

// Pre activity defined everywhere (halo included), post input starting non-zero, as in a real step.
float pre_activity(const Case& k, int b, int gx, int gy, int f) {
  const std::uint64_t index = ((std::uint64_t(b) * 4096 + std::uint64_t(gy + 512)) * 4096 + std::uint64_t(gx + 512)) *
                                  64 + std::uint64_t(f);
  return test::test_value(7, index, k.sparsity);
}
float initial_gsyn(int b, int gx, int gy, int f) {
  return test::test_value(8, ((std::uint64_t(b) * 4096 + std::uint64_t(gy)) * 4096 + std::uint64_t(gx)) * 64 + f);
}

struct Tiles {
  LayerGeometry pre, post;
};

// Tile (tx, ty) of a tx_count x ty_count split; the pre halo is the connection's, plus `extra`.
Tiles make_tiles(const test::RefConv& c, const ConvGeometry& g, int nbatch, int tx, int ty, int tx_count, int ty_count,
                 int extra) {
  Halo h = g.pre_halo();
  h.lt += extra;
  h.rt += extra;
  h.dn += extra;
  h.up += extra;
  const int pnx = c.nx_pre / tx_count, pny = c.ny_pre / ty_count;
  const int qnx = c.nx_post / tx_count, qny = c.ny_post / ty_count;
  return {test::tile(c.nx_pre, c.ny_pre, c.nf_pre, pnx, pny, tx * pnx, ty * pny, h, nbatch),
          test::tile(c.nx_post, c.ny_post, c.nfp, qnx, qny, tx * qnx, ty * qny, Halo{}, nbatch)};
}

struct Result {
  std::vector<float> scatter, gather;
};

Result deliver_both(const Case& k, const Tiles& t, const std::vector<float>& w) {
  const ConvPlan plan(geometry_of(k.c), t.pre, t.post);
  const std::vector<float> act =
      test::fill_extended(t.pre, [&](int b, int gx, int gy, int f) { return pre_activity(k, b, gx, gy, f); });
  std::vector<float> g0(std::size_t(t.post.nbatch) * t.post.neurons());
  for (int b = 0; b < t.post.nbatch; ++b)
    for (int y = 0; y < t.post.ny; ++y)
      for (int x = 0; x < t.post.nx; ++x)
        for (int f = 0; f < t.post.nf; ++f)
          g0[std::size_t(b) * t.post.neurons() + t.post.index(x, y, f)] =
              initial_gsyn(b, x + t.post.kx0, y + t.post.ky0, f);
  Result r{g0, g0};
  ActiveRows scratch;
  scratch.resize_for(t.pre);
  deliver_pre_perspective(plan, act, w, r.scatter, scratch);
  deliver_post_perspective(plan, act, w, r.gather);
  return r;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      // name, {nx_pre, ny_pre, nf_pre, nx_post, ny_post, nfp, nxp, nyp}, sparsity
      {"one-to-one, odd patch", {12, 10, 3, 12, 10, 4, 5, 3}, 0.3},
      {"one-to-many stride 2, patch 8 (the tutorial's dictionary)", {8, 8, 16, 16, 16, 3, 8, 8}, 0.8},
      {"one-to-many stride 4, patch 4", {4, 8, 5, 16, 32, 2, 4, 8}, 0.5},
      {"many-to-one r = 2, patch 4 (the tutorial's transpose)", {16, 16, 3, 8, 8, 16, 4, 4}, 0.0},
      {"many-to-one r = 4, patch 3", {32, 16, 2, 8, 4, 5, 3, 3}, 0.2},
      {"mixed: one-to-many in x, many-to-one in y", {8, 16, 3, 16, 8, 4, 6, 3}, 0.4},
  };
  return all;
}

}  // namespace

TEST_CASE("both deliveries match a brute-force convolution", "[connections][delivery]") {
  for (const Case& k : cases()) {
    INFO(k.name);
    const ConvGeometry g = geometry_of(k.c);
    const std::vector<float> w = random_kernels(k.c, 3);
    const int nbatch = 2;
    const Tiles t = make_tiles(k.c, g, nbatch, 0, 0, 1, 1, 1);  // one extra halo column: must be ignored
    const Result r = deliver_both(k, t, w);
    for (int b = 0; b < nbatch; ++b) {
      std::vector<double> ref, abs_sum;
      test::reference_conv(
          k.c, [&](int gx, int gy, int f) { return pre_activity(k, b, gx, gy, f); }, w, 40, ref, abs_sum);
      for (int y = 0; y < k.c.ny_post; ++y)
        for (int x = 0; x < k.c.nx_post; ++x)
          for (int f = 0; f < k.c.nfp; ++f) {
            const std::size_t i = t.post.index(x, y, f), o = std::size_t(b) * t.post.neurons() + i;
            const double g0 = initial_gsyn(b, x, y, f), expected = g0 + ref[i];
            // float accumulation of a few hundred terms against double: 1e-5 of the terms' absolute sum.
            const double tol = 1e-5 * (abs_sum[i] + std::fabs(g0)) + 1e-7;
            INFO("batch " << b << ", post (" << x << ", " << y << ", " << f << ")");
            REQUIRE(std::fabs(r.scatter[o] - expected) <= tol);
            REQUIRE(std::fabs(r.gather[o] - expected) <= tol);
          }
    }
  }
}

TEST_CASE("scatter and gather agree bit for bit", "[connections][delivery]") {
  for (const Case& k : cases()) {
    INFO(k.name);
    const ConvGeometry g = geometry_of(k.c);
    const Result r = deliver_both(k, make_tiles(k.c, g, 2, 0, 0, 1, 1, 0), random_kernels(k.c, 4));
    REQUIRE(r.scatter.size() == r.gather.size());
    CHECK(std::memcmp(r.scatter.data(), r.gather.data(), r.scatter.size() * sizeof(float)) == 0);
  }
}

TEST_CASE("tiles of a split layer together give exactly the whole layer's result", "[connections][delivery]") {
  for (const Case& k : cases()) {
    INFO(k.name);
    const ConvGeometry g = geometry_of(k.c);
    const std::vector<float> w = random_kernels(k.c, 5);
    const Tiles whole = make_tiles(k.c, g, 1, 0, 0, 1, 1, 0);
    const Result full = deliver_both(k, whole, w);
    const int split = std::min({k.c.nx_pre, k.c.nx_post, k.c.ny_pre, k.c.ny_post}) >= 8 ? 4 : 2;
    for (int ty = 0; ty < 2; ++ty)
      for (int tx = 0; tx < split; ++tx) {
        const Tiles t = make_tiles(k.c, g, 1, tx, ty, split, 2, tx);
        const Result part = deliver_both(k, t, w);
        for (int y = 0; y < t.post.ny; ++y)
          for (int x = 0; x < t.post.nx; ++x)
            for (int f = 0; f < t.post.nf; ++f) {
              const float expected = full.scatter[whole.post.index(x + t.post.kx0, y + t.post.ky0, f)];
              INFO("tile (" << tx << ", " << ty << "), post (" << x << ", " << y << ", " << f << ")");
              REQUIRE(part.scatter[t.post.index(x, y, f)] == expected);
              REQUIRE(part.gather[t.post.index(x, y, f)] == expected);
            }
      }
  }
}

#ifdef _OPENMP
TEST_CASE("results do not depend on the number of threads", "[connections][delivery]") {
  const int before = omp_get_max_threads();
  for (const Case& k : cases()) {
    INFO(k.name);
    const ConvGeometry g = geometry_of(k.c);
    const std::vector<float> w = random_kernels(k.c, 6);
    const Tiles t = make_tiles(k.c, g, 3, 0, 0, 1, 1, 0);
    omp_set_num_threads(1);
    const Result one = deliver_both(k, t, w);
    omp_set_num_threads(2);
    const Result two = deliver_both(k, t, w);
    CHECK(std::memcmp(one.scatter.data(), two.scatter.data(), one.scatter.size() * sizeof(float)) == 0);
    CHECK(std::memcmp(one.gather.data(), two.gather.data(), one.gather.size() * sizeof(float)) == 0);
  }
  omp_set_num_threads(before);
}
#endif

TEST_CASE("a pre halo smaller than the connection needs is refused", "[connections][delivery]") {
  const test::RefConv c{8, 8, 2, 16, 16, 3, 8, 8};
  const ConvGeometry g = geometry_of(c);
  const LayerGeometry pre = test::tile(8, 8, 2, 8, 8, 0, 0, Halo{1, 1, 1, 1});
  const LayerGeometry post = test::tile(16, 16, 3, 16, 16, 0, 0, Halo{});
  CHECK_THROWS_WITH(ConvPlan(g, pre, post), Catch::Contains("halo"));
}
