// BackgroundLayer on a 3 x 1 column: a background feature first (1 where every original feature is 0), the
// original's features after it, each repeated repFeatureNum times; and its size rule. Values worked out by hand.
#include <catch2/catch.hpp>

#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using test::a_of;

namespace {

// Orig, 3 x 1 x 2, [x][f]: (0, 0) at x = 0, (2, 0) at x = 1, (0, -1) at x = 2.
const std::vector<float> kOrig{0, 0, 2, 0, 0, -1};

std::vector<float> background_of(test::TempDir& dir, const std::string& keys, int nf) {
  test::ColumnRun run(test::network(dir, 3,
                                    test::constant_layer(dir, "Orig", 2, kOrig, 3) +
                                        "  Out = { groupType = \"BackgroundLayer\", phase = 1, originalLayerName = "
                                        "\"Orig\", nf = " +
                                        std::to_string(nf) + keys + " },\n"));
  run.column->initialize();
  REQUIRE(a_of(run.get<Layer>("Out")) == std::vector<float>(std::size_t(3 * nf), 0.0f));  // starts at 0
  run.column->advance();
  return a_of(run.get<Layer>("Out"));
}

}  // namespace

TEST_CASE("BackgroundLayer puts a background feature before the original's", "[openpv_layers][background]") {
  test::TempDir dir;
  CHECK(background_of(dir, "", 3) == std::vector<float>{1, 0, 0, /**/ 0, 2, 0, /**/ 0, 0, -1});
}

TEST_CASE("BackgroundLayer repeats every feature repFeatureNum times", "[openpv_layers][background]") {
  test::TempDir dir;
  CHECK(background_of(dir, ", repFeatureNum = 2", 6) ==
        std::vector<float>{1, 1, 0, 0, 0, 0, /**/ 0, 0, 2, 2, 0, 0, /**/ 0, 0, 0, 0, -1, -1});
}

TEST_CASE("BackgroundLayer's nf must be (original nf + 1) * repFeatureNum", "[openpv_layers][background][errors]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(background_of(dir, ", repFeatureNum = 2", 3),
                    Catch::Contains("repFeatureNum") && Catch::Contains("= 6"));
  CHECK_THROWS_WITH(background_of(dir, ", repFeatureNum = 0", 3), Catch::Contains("repFeatureNum"));
}
