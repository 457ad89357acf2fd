// Dependent connections have their original's arbors (OpenPV ignores their numAxonalArbors); their delays are
// checked against that count.
#include <catch2/catch.hpp>

#include "connections/conv_connection.hpp"
#include "core/errors.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

std::unique_ptr<test::ColumnRun> build(const test::TempDir& dir, const std::string& transpose_keys) {
  test::write_file(dir / "net.lua", R"(return {
  column = { groupType = "HyPerCol", nx = 4, ny = 4, dt = 1, stopTime = 2 },
  Pre = { groupType = "ConstantLayer", nf = 2, InitVType = "ConstantV", valueV = 1 },
  Post = { groupType = "HyPerLayer", nf = 2, phase = 1 },
  Back = { groupType = "HyPerLayer", nf = 2, phase = 2 },
  Two = { groupType = "HyPerConn", preLayerName = "Pre", postLayerName = "Post", channelCode = 0,
          numAxonalArbors = 2, delay = {0, 1}, nxp = 1, nyp = 1, weightInitType = "OneToOneWeights",
          weightInit = 0.5, normalizeMethod = "none" },
  PostToBack = { groupType = "TransposeConn", originalConnName = "Two", channelCode = 0, )" +
                                        transpose_keys + R"( },
})");
  return std::make_unique<test::ColumnRun>(dir / "net.lua");
}

std::string error_of(const test::TempDir& dir, const std::string& keys) {
  try {
    build(dir, keys)->column->initialize();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("A TransposeConn has its original's arbors", "[openpv_conns][arbors]") {
  test::TempDir dir;
  auto run = build(dir, "delay = {0, 1}");
  run->column->initialize();
  CHECK(run->get<ConvConnection>("PostToBack").weights().arbors() == 2);
  CHECK(run->column->no_effect_keys().empty());
}

TEST_CASE("A dependent connection's numAxonalArbors has no effect and its delays follow the original's arbors",
          "[openpv_conns][arbors]") {
  test::TempDir dir;
  auto run = build(dir, "numAxonalArbors = 1");  // as OpenPV's own files write it: ignored, with a warning
  run->column->initialize();
  CHECK(run->get<ConvConnection>("PostToBack").weights().arbors() == 2);
  REQUIRE(run->column->no_effect_keys().size() == 1);
  CHECK(run->column->no_effect_keys().front().key == "numAxonalArbors");
  CHECK_THAT(error_of(dir, "delay = {0, 1, 2}"), Catch::Contains("delay") && Catch::Contains("2 arbors"));
}
