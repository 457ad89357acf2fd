// BinningLayer on a 4 x 1 column: one-hot bins of the clamped value, zeroNeg, zeroDCR, Gaussian bins; and its
// errors. Values worked out by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using test::a_of;

namespace {

// Clamped into [0, 1]: 0, 0.1, 0.5, 1; with 4 bins of width 0.25 these fall in bins 0, 0, 2 and 3 (1 is the last).
const std::vector<float> kOrig{-1, 0.1f, 0.5f, 2};

std::vector<float> bins_of(test::TempDir& dir, const std::string& keys, int nf = 4, int orig_nf = 1) {
  std::vector<float> orig;
  for (float v : kOrig)
    for (int f = 0; f < orig_nf; ++f) orig.push_back(v);
  test::ColumnRun run(test::network(dir, 4,
                                    test::constant_layer(dir, "Orig", orig_nf, orig, 4) +
                                        "  Out = { groupType = \"BinningLayer\", phase = 1, originalLayerName = "
                                        "\"Orig\", nf = " +
                                        std::to_string(nf) + keys + " },\n"));
  run.column->initialize();
  run.column->advance();
  return a_of(run.get<Layer>("Out"));
}

}  // namespace

TEST_CASE("BinningLayer: one-hot bins of the clamped value", "[openpv_layers][binning]") {
  test::TempDir dir;
  CHECK(bins_of(dir, "") == std::vector<float>{1, 0, 0, 0, /**/ 1, 0, 0, 0, /**/ 0, 0, 1, 0, /**/ 0, 0, 0, 1});
  CHECK(bins_of(dir, ", zeroNeg = false") ==
        std::vector<float>{1, -1, -1, -1, /**/ 1, -1, -1, -1, /**/ -1, -1, 1, -1, /**/ -1, -1, -1, 1});
  // zeroDCR: the first value clamps to exactly 0, a don't-care: no bin set.
  CHECK(bins_of(dir, ", zeroDCR = true") ==
        std::vector<float>{0, 0, 0, 0, /**/ 1, 0, 0, 0, /**/ 0, 0, 1, 0, /**/ 0, 0, 0, 1});
  // binMin -2, binMax 2, 2 bins of width 2: -1 and 0.1 fall in bins 0 and 1 (0.1 - -2 = 2.1 >= 2).
  CHECK(bins_of(dir, ", binMin = -2, binMax = 2", 2) == std::vector<float>{1, 0, 0, 1, 0, 1, 0, 1});
}

TEST_CASE("BinningLayer with binSigma: a Gaussian of the distance to each bin centre", "[openpv_layers][binning]") {
  test::TempDir dir;
  const auto a = bins_of(dir, ", binSigma = 1");
  // The value 0.5 (third neuron) against the centres 0.125, 0.375, 0.625, 0.875, sigma one bin width (0.25):
  // exp(-d^2 / (2 * 0.0625)) with d = 0.375, 0.125, -0.125, -0.375.
  CHECK(a[8] == Approx(std::exp(-1.125)).epsilon(1e-6));
  CHECK(a[9] == Approx(std::exp(-0.125)).epsilon(1e-6));
  CHECK(a[10] == Approx(std::exp(-0.125)).epsilon(1e-6));
  CHECK(a[11] == Approx(std::exp(-1.125)).epsilon(1e-6));
  CHECK(a[0] == Approx(std::exp(-0.125)).epsilon(1e-6));  // the value 0 against the first centre 0.125
}

TEST_CASE("BinningLayer errors", "[openpv_layers][binning][errors]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(bins_of(dir, "", 4, 2), Catch::Contains("one feature"));
  CHECK_THROWS_WITH(bins_of(dir, ", binMin = 1, binMax = 1"), Catch::Contains("binMax must be greater"));
  CHECK_THROWS_WITH(bins_of(dir, ", binSigma = -1"), Catch::Contains("binSigma"));
}
