// WTALayer on a 3 x 1 column of a 4-feature original: the winning feature as a value, ties to the first feature,
// batch elements on their own; and its errors. Values worked out by hand.
#include <catch2/catch.hpp>

#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using test::a_of;

namespace {

// Per position (4 features each): winner 2; a tie of features 1 and 3 (the first, 1, wins); all negative, winner 3.
const std::vector<float> kOrig{0.1f, 0.2f, 0.9f, 0.3f, /**/ 0, 5, 1, 5, /**/ -4, -3, -2, -1};

// Batch element 1 holds the positions reversed feature by feature: winners 1; 0 (the tie of 0 and 2); 0.
const std::vector<float> kOrigReversed{0.3f, 0.9f, 0.2f, 0.1f, /**/ 5, 1, 5, 0, /**/ -1, -2, -3, -4};

std::vector<float> winners_of(test::TempDir& dir, const std::string& keys, int nf = 1, int nbatch = 1, int b = 0) {
  // InitVFromFile reads frame b for batch element b.
  PvpActivityFileWriter w(dir / "Orig.pvp", PvpType::Dense, 3, 1, 4, 1);
  w.write_frame(0.0, kOrig);
  w.write_frame(0.0, kOrigReversed);
  w.close();
  test::ColumnRun run(
      test::network(dir, 3,
                    "  Orig = { groupType = \"ConstantLayer\", nf = 4, InitVType = \"InitVFromFile\", "
                    "Vfilename = here .. \"Orig.pvp\" },\n"
                    "  Out = { groupType = \"WTALayer\", phase = 1, originalLayerName = \"Orig\", nf = " +
                        std::to_string(nf) + keys + " },\n",
                    nbatch));
  run.column->initialize();
  run.column->advance();
  return a_of(run.get<Layer>("Out"), b);
}

}  // namespace

TEST_CASE("WTALayer: the first most active feature, as winner * (binMax - binMin) / nf + binMin",
          "[openpv_layers][wta]") {
  test::TempDir dir;
  // Defaults binMin 0, binMax 1: steps of 1/4.
  CHECK(winners_of(dir, "") == std::vector<float>{0.5f, 0.25f, 0.75f});
  // binMin -2, binMax 6: steps of 2.
  CHECK(winners_of(dir, ", binMin = -2, binMax = 6") == std::vector<float>{2, 0, 4});
}

TEST_CASE("WTALayer: each batch element has its own winners", "[openpv_layers][wta]") {
  test::TempDir dir;
  CHECK(winners_of(dir, ", binMax = 4", 1, 2, 0) == std::vector<float>{2, 1, 3});
  CHECK(winners_of(dir, ", binMax = 4", 1, 2, 1) == std::vector<float>{1, 0, 0});
}

TEST_CASE("WTALayer errors", "[openpv_layers][wta][errors]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(winners_of(dir, "", 2), Catch::Contains("one feature"));
  CHECK_THROWS_WITH(winners_of(dir, ", binMin = 1, binMax = 1"), Catch::Contains("binMax must be greater"));
}
