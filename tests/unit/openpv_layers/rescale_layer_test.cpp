// RescaleLayer, every rescaleMethod, on a 2 x 1 x 2 original (positions 0 and 1, features 0 and 1, listed [x][f])
// against values worked out by hand; dyadic numbers keep the float results exact where compared with ==.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>

#include "params/error.hpp"
#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using test::a_of;

namespace {

// Rescale of Orig (holding `orig`) with the extra keys `keys`, after one step; A before the step is checked to be 0.
std::vector<float> rescaled(const std::vector<float>& orig, const std::string& keys) {
  test::TempDir dir;
  const auto file = test::network(dir, 2,
                                  test::constant_layer(dir, "Orig", 2, orig, 2) +
                                      "  Out = { groupType = \"RescaleLayer\", nf = 2, phase = 1, originalLayerName = "
                                      "\"Orig\", " +
                                      keys + " },\n");
  test::ColumnRun run(file);
  run.column->initialize();
  const Layer& out = run.get<Layer>("Out");
  REQUIRE(a_of(out) == std::vector<float>{0, 0, 0, 0});  // OpenPV starts a RescaleLayer at 0
  run.column->advance();
  return a_of(out);
}

}  // namespace

TEST_CASE("RescaleLayer maxmin: (a - min)/(max - min) (targetMax - targetMin) + targetMin",
          "[openpv_layers][rescale]") {
  // min -2, max 6, range 8; default targets -1..1: 0 -> 2/8*2 - 1 = -0.5, 2 -> 0, -2 -> -1, 6 -> 1.
  CHECK(rescaled({0, 2, -2, 6}, "rescaleMethod = \"maxmin\"") == std::vector<float>{-0.5f, 0, -1, 1});
  // targets 0..4: 0 -> 1, 2 -> 2, -2 -> 0, 6 -> 4.
  CHECK(rescaled({0, 2, -2, 6}, "rescaleMethod = \"maxmin\", targetMin = 0, targetMax = 4") ==
        std::vector<float>{1, 2, 0, 4});
  // A constant layer rescales to 0.
  CHECK(rescaled({3, 3, 3, 3}, "rescaleMethod = \"maxmin\"") == std::vector<float>{0, 0, 0, 0});
}

TEST_CASE("RescaleLayer meanstd, l2, l2NoMean: whole-layer mean and deviation", "[openpv_layers][rescale]") {
  // {-1, 3, -1, 3}: mean 1, deviations +-2, std 2.
  // meanstd, targetStd 4, targetMean 0.5: (a - 1) * 4/2 + 0.5 = -3.5, 4.5.
  CHECK(rescaled({-1, 3, -1, 3}, "rescaleMethod = \"meanstd\", targetStd = 4, targetMean = 0.5") ==
        std::vector<float>{-3.5f, 4.5f, -3.5f, 4.5f});
  // defaults (std 1, mean 0): -1, 1.
  CHECK(rescaled({-1, 3, -1, 3}, "rescaleMethod = \"meanstd\"") == std::vector<float>{-1, 1, -1, 1});
  // l2, patchSize 4: (a - 1) / (2 * 2) = -0.5, 0.5.
  CHECK(rescaled({-1, 3, -1, 3}, "rescaleMethod = \"l2\", patchSize = 4") ==
        std::vector<float>{-0.5f, 0.5f, -0.5f, 0.5f});
  // l2NoMean, patchSize 4, {2, -2, 2, 2}: rms sqrt(16/4) = 2, a / (2 * 2): 0.5, -0.5.
  CHECK(rescaled({2, -2, 2, 2}, "rescaleMethod = \"l2NoMean\", patchSize = 4") ==
        std::vector<float>{0.5f, -0.5f, 0.5f, 0.5f});
  // A layer of zero spread is left as it is (meanstd, l2), and an all-zero one (l2NoMean).
  CHECK(rescaled({5, 5, 5, 5}, "rescaleMethod = \"meanstd\"") == std::vector<float>{5, 5, 5, 5});
  CHECK(rescaled({5, 5, 5, 5}, "rescaleMethod = \"l2\"") == std::vector<float>{5, 5, 5, 5});
  CHECK(rescaled({0, 0, 0, 0}, "rescaleMethod = \"l2NoMean\"") == std::vector<float>{0, 0, 0, 0});
}

TEST_CASE("RescaleLayer per position: pointmeanstd, pointResponseNormalization, softmax", "[openpv_layers][rescale]") {
  // pointmeanstd: position 0 (1, 3): mean 2, std 1 -> (a - 2) * 2/1 + 1 = -1, 3; position 1 (5, 5): std 0, unchanged.
  CHECK(rescaled({1, 3, 5, 5}, "rescaleMethod = \"pointmeanstd\", targetStd = 2, targetMean = 1") ==
        std::vector<float>{-1, 3, 5, 5});
  // pointResponseNormalization: (3, 4) / 5; (0, 0) unchanged.
  CHECK(rescaled({3, 4, 0, 0}, "rescaleMethod = \"pointResponseNormalization\"") ==
        std::vector<float>{3.0f / 5.0f, 4.0f / 5.0f, 0, 0});
  // softmax: (0, 0) -> 1/2 each; (1, -1) -> e^0 / (1 + e^-2), e^-2 / (1 + e^-2).
  const auto s = rescaled({0, 0, 1, -1}, "rescaleMethod = \"softmax\"");
  CHECK(s[0] == 0.5f);
  CHECK(s[1] == 0.5f);
  CHECK(s[2] == Approx(1.0 / (1.0 + std::exp(-2.0))).epsilon(1e-6));
  CHECK(s[3] == Approx(std::exp(-2.0) / (1.0 + std::exp(-2.0))).epsilon(1e-6));
  // OpenPV shifts by the largest value but starts that search at FLT_MIN: an all-negative position is not shifted.
  const auto n = rescaled({-200, -200, -1, -3}, "rescaleMethod = \"softmax\"");
  CHECK(n[0] == 0);  // e^-200 underflows in float: the sum is 0, and so is A
  CHECK(n[1] == 0);
  CHECK(n[2] == Approx(1.0 / (1.0 + std::exp(-2.0))).epsilon(1e-6));
}

TEST_CASE("RescaleLayer per neuron: zerotonegative, logreg", "[openpv_layers][rescale]") {
  CHECK(rescaled({0, 2, -2, 0}, "rescaleMethod = \"zerotonegative\"") == std::vector<float>{-1, 2, -2, -1});
  const auto l = rescaled({0, 1, -1, 2}, "rescaleMethod = \"logreg\"");
  CHECK(l[0] == 0.5f);
  CHECK(l[1] == Approx(1.0 / (1.0 + std::exp(1.0))).epsilon(1e-6));
  CHECK(l[2] == Approx(1.0 / (1.0 + std::exp(-1.0))).epsilon(1e-6));
  CHECK(l[3] == Approx(1.0 / (1.0 + std::exp(2.0))).epsilon(1e-6));
}

TEST_CASE("RescaleLayer params: a target key for another method, sizes, the original", "[openpv_layers][rescale]") {
  CHECK_THROWS_WITH(rescaled({0, 0, 0, 0}, "rescaleMethod = \"meanstd\", targetMax = 2"),
                    Catch::Contains("targetMax") && Catch::Contains("maxmin"));
  CHECK_THROWS_WITH(rescaled({0, 0, 0, 0}, "rescaleMethod = \"maxmin\", patchSize = 2"), Catch::Contains("patchSize"));
  CHECK_THROWS_WITH(rescaled({0, 0, 0, 0}, "rescaleMethod = \"max\""), Catch::Contains("rescaleMethod"));
  CHECK_THROWS_WITH(rescaled({0, 0, 0, 0}, "rescaleMethod = \"maxmin\", nxScale = 0.5"),
                    Catch::Contains("must have the size of its originalLayerName"));
}
