// OpenPV's channelIndices / channelCoefficients (its GSynAccumulator): the input is sum_c coefficient[c] GSyn[c],
// the coefficients starting as {1, -1}. Three ConstantLayers G0, G1, G2 feed Out on channels 0, 1 and 2 by
// IdentConns, so GSyn[c] is Gc exactly and every expected value below is worked out by hand.
#include <catch2/catch.hpp>

#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using test::v_of;

namespace {

const std::vector<float> kG0{1, 2, -1, 0.5f};
const std::vector<float> kG1{0.5f, 4, 2, -1};
const std::vector<float> kG2{2, -0.25f, 1, 8};

// Out (its group text) fed by G0, G1 and, when `channels` is 3, G2; one step; Out's V.
std::vector<float> v_after_step(const std::string& out, int channels = 3) {
  test::TempDir dir;
  std::string groups = test::constant_layer(dir, "G0", 1, kG0, 4) + test::constant_layer(dir, "G1", 1, kG1, 4) +
                       test::constant_layer(dir, "G2", 1, kG2, 4) + "  Out = " + out + ",\n";
  for (int c = 0; c < channels; ++c) groups += test::ident("G" + std::to_string(c), "Out", c);
  test::ColumnRun run(test::network(dir, 4, groups));
  run.column->initialize();
  run.column->advance();
  return v_of(run.get<Layer>("Out"));
}

std::string hyper(const std::string& keys) { return "{ groupType = \"HyPerLayer\", phase = 1" + keys + " }"; }

}  // namespace

TEST_CASE("channelIndices / channelCoefficients: V = sum_c coefficient[c] GSyn[c]", "[openpv_layers][channels]") {
  SECTION("no keys: V = G0 - G1, and a third channel is refused as before") {
    // G0 - G1 = {1 - 0.5, 2 - 4, -1 - 2, 0.5 + 1}
    CHECK(v_after_step(hyper(""), 2) == std::vector<float>{0.5f, -2, -3, 1.5f});
    CHECK_THROWS_WITH(v_after_step(hyper("")), Catch::Contains("channelCode"));
  }
  SECTION("indices {1, 2}, coefficients {2, 0.5}: coefficients {1, 2, 0.5}, V = G0 + 2 G1 + 0.5 G2") {
    // x0: 1 + 1 + 1; x1: 2 + 8 - 0.125; x2: -1 + 4 + 0.5; x3: 0.5 - 2 + 4
    const std::vector<float> expected{3, 9.875f, 3.5f, 2.5f};
    CHECK(v_after_step(hyper(", channelIndices = {1, 2}, channelCoefficients = {2, 0.5}")) == expected);
    // The same sum in the other types with a GSynAccumulator: LeakyIntegrator (V = 0 + input), ANNLayer.
    CHECK(v_after_step("{ groupType = \"LeakyIntegrator\", phase = 1, channelIndices = {1, 2}, "
                       "channelCoefficients = {2, 0.5} }") == expected);
    CHECK(v_after_step("{ groupType = \"ANNLayer\", phase = 1, channelIndices = {2, 1}, "
                       "channelCoefficients = {0.5, 2} }") == expected);
  }
  SECTION("only channel 0 set: coefficients {-1, -1}, V = -G0 - G1") {
    CHECK(v_after_step(hyper(", channelIndices = {0}, channelCoefficients = {-1}"), 2) ==
          std::vector<float>{-1.5f, -6, -1, 0.5f});
  }
  SECTION("a scalar is a one-element array (as OpenPV's ParameterSweep writes it)") {
    CHECK(v_after_step(hyper(", channelIndices = 0, channelCoefficients = -1"), 2) ==
          std::vector<float>{-1.5f, -6, -1, 0.5f});
  }
  SECTION("a negative index is ignored; a later index grows the vector with zeros: {1, -1, 0, 0}") {
    // 4 channels accepted; G2 on channel 2 counts 0 times: V = G0 - G1
    CHECK(v_after_step(hyper(", channelIndices = {-1, 3}, channelCoefficients = {5, 0}")) ==
          std::vector<float>{0.5f, -2, -3, 1.5f});
  }
  SECTION("ANNErrorLayer: V = errScale * (G0 + G1), coefficients {1, 1}") {
    CHECK(v_after_step("{ groupType = \"ANNErrorLayer\", phase = 1, errScale = 2, channelIndices = {1}, "
                       "channelCoefficients = {1} }",
                       2) == std::vector<float>{3, 12, 2, -1});
  }
  SECTION("coefficients for two channels only: channelCode 2 is still refused") {
    CHECK_THROWS_WITH(v_after_step(hyper(", channelIndices = {0}, channelCoefficients = {2}")),
                      Catch::Contains("channelCode"));
  }
}

TEST_CASE("channelIndices / channelCoefficients: what is refused", "[openpv_layers][channels]") {
  SECTION("arrays of different lengths, naming the key") {
    CHECK_THROWS_WITH(v_after_step(hyper(", channelIndices = {1, 2}, channelCoefficients = {2}")),
                      Catch::Contains("channelCoefficients") && Catch::Contains("same length"));
    CHECK_THROWS_WITH(v_after_step(hyper(", channelIndices = {1}")), Catch::Contains("same length"));
  }
  SECTION("a fractional index") {
    CHECK_THROWS_WITH(v_after_step(hyper(", channelIndices = {1.5}, channelCoefficients = {2}")),
                      Catch::Contains("channelIndices") && Catch::Contains("whole number"));
  }
  SECTION("a misspelt key still errors") {
    CHECK_THROWS_WITH(v_after_step(hyper(", channelIndexes = {1}")), Catch::Contains("channelIndexes"));
  }
  SECTION("a type without OpenPV's GSynAccumulator refuses a non-default value (OpenPV's vocabulary)") {
    CHECK_THROWS_WITH(
        v_after_step("{ groupType = \"ConstantLayer\", channelIndices = {1}, channelCoefficients = {2} }", 0),
        Catch::Contains("channelCoefficients") && Catch::Contains("GSynAccumulator"));
  }
}
