// The transpose of a connection is its adjoint: as explicit matrices, entry for entry; as operators,
// <y, W x> == <W^T y, x>; and transposing twice gives the original kernels back.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "connections/conv_delivery.hpp"
#include "connections/weight_transposer.hpp"
#include "tests/unit/connections/conv_reference.hpp"

using namespace spv;
using spv::test::geometry_of;

namespace {

struct Case {
  std::string name;
  int nx_pre, ny_pre, nf_pre, nx_post, ny_post, nfp, nxp, nyp, arbors;
};

const Case kCases[] = {
    {"one-to-many stride 2, patch 8", 4, 4, 3, 8, 8, 2, 8, 8, 1},
    {"one-to-many stride 4 in x, 2 in y", 2, 4, 2, 8, 8, 3, 8, 4, 2},
    {"many-to-one r = 2, patch 3", 8, 8, 2, 4, 4, 3, 3, 3, 1},
    {"equal sizes, patch 3 x 5", 6, 6, 2, 6, 6, 3, 3, 5, 1},
};

WeightStore random_store(const ConvGeometry& g, int arbors, std::uint64_t stream) {
  WeightStore w(arbors, g.kernels(), g.nyp(), g.nxp(), g.nfp);
  auto v = w.values();
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = test::test_value(stream, i);
  return w;
}

// W x for one arbor: x restricted [y][x][f] on the pre layer, zero beyond its edges (valueBC 0).
std::vector<float> apply(const ConvGeometry& g, const WeightStore& w, int arbor, const std::vector<float>& x) {
  const LayerGeometry pre = test::tile(g.x.n_pre, g.y.n_pre, g.nf_pre, g.x.n_pre, g.y.n_pre, 0, 0, g.pre_halo());
  const LayerGeometry post = test::tile(g.x.n_post, g.y.n_post, g.nfp, g.x.n_post, g.y.n_post, 0, 0, Halo{});
  std::vector<float> act(pre.neurons_ext(), 0.0f);
  for (int yy = 0; yy < pre.ny; ++yy)
    for (int xx = 0; xx < pre.nx; ++xx)
      for (int f = 0; f < pre.nf; ++f) act[pre.ext_index(xx, yy, f)] = x[pre.index(xx, yy, f)];
  std::vector<float> out(post.neurons(), 0.0f);
  const ConvPlan plan(g, pre, post);
  ActiveRows scratch;
  scratch.resize_for(pre);
  deliver_pre_perspective(plan, act, w.arbor(arbor), out, scratch);
  return out;
}

// The connection as a (post neurons) x (pre neurons) matrix, column by column from unit impulses.
std::vector<float> matrix(const ConvGeometry& g, const WeightStore& w, int arbor) {
  const std::size_t n_pre = std::size_t(g.x.n_pre) * g.y.n_pre * g.nf_pre;
  const std::size_t n_post = std::size_t(g.x.n_post) * g.y.n_post * g.nfp;
  std::vector<float> m(n_post * n_pre);
  std::vector<float> x(n_pre, 0.0f);
  for (std::size_t i = 0; i < n_pre; ++i) {
    x[i] = 1.0f;
    const std::vector<float> col = apply(g, w, arbor, x);
    for (std::size_t j = 0; j < n_post; ++j) m[j * n_pre + i] = col[j];
    x[i] = 0.0f;
  }
  return m;
}

}  // namespace

TEST_CASE("the transposed kernels give exactly the transposed matrix", "[connections][transpose]") {
  for (const Case& c : kCases) {
    INFO(c.name);
    const ConvGeometry g = geometry_of(c);
    const WeightStore w = random_store(g, c.arbors, 11);
    const WeightTransposer transposer(g);
    WeightStore t = transposer.make_store(c.arbors);
    transposer.apply(w, t);
    const ConvGeometry& tg = transposer.transposed();
    for (int a = 0; a < c.arbors; ++a) {
      const std::vector<float> m = matrix(g, w, a), mt = matrix(tg, t, a);
      const std::size_t n_pre = std::size_t(c.nx_pre) * c.ny_pre * c.nf_pre;
      const std::size_t n_post = std::size_t(c.nx_post) * c.ny_post * c.nfp;
      REQUIRE(mt.size() == m.size());
      std::size_t nonzero = 0;
      for (std::size_t j = 0; j < n_post; ++j)
        for (std::size_t i = 0; i < n_pre; ++i) {
          INFO("arbor " << a << ", post " << j << ", pre " << i);
          REQUIRE(mt[i * n_post + j] == m[j * n_pre + i]);
          nonzero += m[j * n_pre + i] != 0.0f;
        }
      CHECK(nonzero > n_pre);  // the matrices are not trivially empty
    }
  }
}

TEST_CASE("the transpose is the adjoint: <y, W x> == <W^T y, x>", "[connections][transpose]") {
  // A larger one-to-many connection like the tutorial's (16x16x8 code, 32x32x3 image, patch 8).
  const Case c{"tutorial-like", 16, 16, 8, 32, 32, 3, 8, 8, 1};
  const ConvGeometry g = geometry_of(c);
  const WeightStore w = random_store(g, 1, 21);
  const WeightTransposer transposer(g);
  WeightStore t = transposer.make_store(1);
  transposer.apply(w, t);
  std::vector<float> x(std::size_t(c.nx_pre) * c.ny_pre * c.nf_pre), y(std::size_t(c.nx_post) * c.ny_post * c.nfp);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = test::test_value(22, i, 0.7);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = test::test_value(23, i);
  const std::vector<float> wx = apply(g, w, 0, x), wty = apply(transposer.transposed(), t, 0, y);
  double lhs = 0, rhs = 0, scale = 0;
  for (std::size_t j = 0; j < y.size(); ++j) {
    lhs += double(y[j]) * wx[j];
    scale += std::fabs(double(y[j]) * wx[j]);
  }
  for (std::size_t i = 0; i < x.size(); ++i) rhs += double(wty[i]) * x[i];
  // Both sides round the same products in a different order in float: 1e-5 relative to the sum of |terms|.
  CHECK(std::fabs(lhs - rhs) <= 1e-5 * scale);
  CHECK(std::fabs(lhs) > 1.0);
}

TEST_CASE("transposing twice gives the original kernels", "[connections][transpose]") {
  for (const Case& c : kCases) {
    INFO(c.name);
    const ConvGeometry g = geometry_of(c);
    const WeightStore w = random_store(g, c.arbors, 31);
    const WeightTransposer first(g);
    WeightStore t = first.make_store(c.arbors);
    first.apply(w, t);
    const WeightTransposer second(first.transposed());
    WeightStore back = second.make_store(c.arbors);
    second.apply(t, back);
    REQUIRE(second.transposed().kernels() == g.kernels());
    REQUIRE(back.values().size() == w.values().size());
    CHECK(std::memcmp(back.values().data(), w.values().data(), w.values().size() * sizeof(float)) == 0);
  }
}

TEST_CASE("applying a transpose marks the store as changed", "[connections][transpose]") {
  const ConvGeometry g = geometry_of(kCases[0]);
  const WeightStore w = random_store(g, 1, 41);
  const WeightTransposer transposer(g);
  WeightStore t = transposer.make_store(1);
  const auto before = t.version();
  transposer.apply(w, t);
  CHECK(t.version() != before);
}
