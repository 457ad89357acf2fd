// Decomposition is a pure function of sizes and counts: tiles cover the layer exactly once, and sizes that do not
// divide are errors naming the layer.
#include <catch2/catch.hpp>

#include <set>

#include "core/comm/decomposition.hpp"
#include "core/errors.hpp"

using namespace spv;

TEST_CASE("tiles of a 2x2x2 decomposition cover every neuron and batch element once", "[decomposition]") {
  std::set<std::tuple<int, int, int>> covered;
  for (int rank = 0; rank < 8; ++rank) {
    Decomposition d{2, 2, 2, rank};
    LayerGeometry g = d.tile("L", 16, 8, 3, 4);
    CHECK(g.nx == 8);
    CHECK(g.ny == 4);
    CHECK(g.nbatch == 2);
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = 0; y < g.ny; ++y)
        for (int x = 0; x < g.nx; ++x) CHECK(covered.insert({g.batch0 + b, g.ky0 + y, g.kx0 + x}).second);
  }
  CHECK(covered.size() == std::size_t(16 * 8 * 4));
}

TEST_CASE("sizes that do not divide name the layer and the numbers", "[decomposition]") {
  Decomposition d{1, 3, 1, 0};
  try {
    d.tile("V1", 16, 16, 4, 1);
    FAIL("expected a GeometryError");
  } catch (const GeometryError& e) {
    CHECK_THAT(e.what(), Catch::Contains("V1") && Catch::Contains("16") && Catch::Contains("3"));
  }
}
