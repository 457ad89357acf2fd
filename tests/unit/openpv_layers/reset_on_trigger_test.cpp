// resetStateOnTrigger with a triggerResetLayerName that has no V (a ConstantLayer, an input layer): OpenPV resets V
// from the reset layer's restricted activity, so the halo the reset layer carries (here 1, for Wide's 3x1 patch)
// must not shift the values.
#include <catch2/catch.hpp>

#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using namespace spv::test;

TEST_CASE("resetStateOnTrigger from a layer without V takes its restricted activity", "[openpv_layers][reset]") {
  TempDir dir;
  // Clock updates every step, so Target resets every step: V = A(Src), then integrates its input (Src again, with no
  // decay): 2 * A(Src) = 2, 4, 6, 8 after every step. Without the reset V would grow by 2, 4, 6, 8 per step.
  ColumnRun run(network(dir, 4,
                        constant_layer(dir, "Src", 1, {1, 2, 3, 4}, 4) +
                            "  Clock = { groupType = \"HyPerLayer\", nf = 1, phase = 0 },\n"
                            "  Target = { groupType = \"LeakyIntegrator\", nf = 1, phase = 1, triggerLayerName = "
                            "\"Clock\", triggerBehavior = \"resetStateOnTrigger\", triggerResetLayerName = \"Src\" },\n"
                            "  Wide = { groupType = \"HyPerLayer\", nf = 1, phase = 1 },\n"
                            "  SrcToWide = { groupType = \"HyPerConn\", preLayerName = \"Src\", postLayerName = "
                            "\"Wide\", channelCode = 0, nxp = 3, nyp = 1, weightInitType = \"UniformWeight\", "
                            "weightInit = 1, normalizeMethod = \"none\" },\n" +
                            ident("Src", "Target", 0)));
  REQUIRE(run.get<Layer>("Src").geometry().halo.lt == 1);
  run.column->initialize();
  for (int step = 0; step < 3; ++step) {
    run.column->advance();
    CHECK(v_of(run.get<Layer>("Target")) == std::vector<float>{2, 4, 6, 8});
  }
}

TEST_CASE("resetStateOnTrigger refuses a reset layer of another size", "[openpv_layers][reset]") {
  TempDir dir;
  ColumnRun run(
      network(dir, 4,
              "  Small = { groupType = \"ConstantLayer\", nxScale = 0.5, nf = 1 },\n"
              "  Clock = { groupType = \"HyPerLayer\", nf = 1, phase = 0 },\n"
              "  Target = { groupType = \"LeakyIntegrator\", nf = 1, phase = 1, triggerLayerName = "
              "\"Clock\", triggerBehavior = \"resetStateOnTrigger\", triggerResetLayerName = \"Small\" },\n"));
  run.column->initialize();
  CHECK_THROWS_WITH(run.column->advance(),
                    Catch::Contains("\"Target\"") && Catch::Contains("\"Small\"") && Catch::Contains("different size"));
}
