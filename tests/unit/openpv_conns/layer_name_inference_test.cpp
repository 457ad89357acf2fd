// OpenPV's rule for connections that name no layers: a group "AToB" connects layer A to layer B.
#include <catch2/catch.hpp>

#include "core/connection.hpp"
#include "core/errors.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

std::unique_ptr<test::ColumnRun> build(const test::TempDir& dir, const std::string& conns) {
  test::write_file(dir / "net.lua", R"(return {
  column = { groupType = "HyPerCol", nx = 4, ny = 4, dt = 1, stopTime = 1 },
  Image = { groupType = "ConstantLayer", nf = 1, InitVType = "ConstantV", valueV = 2 },
  Copy = { groupType = "HyPerLayer", nf = 1, phase = 1 },
)" + conns + "}\n");
  return std::make_unique<test::ColumnRun>(dir / "net.lua");
}

std::string error_of(const test::TempDir& dir, const std::string& conns) {
  try {
    build(dir, conns)->column->initialize();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("A connection named AToB without layer names connects A to B", "[openpv_conns][layer_names]") {
  test::TempDir dir;
  auto run = build(dir, R"(  ImageToCopy = { groupType = "IdentConn", channelCode = 0 },
)");
  run->column->initialize();
  CHECK(&run->get<Connection>("ImageToCopy").pre() == &run->get<Layer>("Image"));
  CHECK(&run->get<Connection>("ImageToCopy").post() == &run->get<Layer>("Copy"));
  run->column->advance();
  // IdentConn copies Image (2 everywhere) into Copy's excitatory channel; a HyPerLayer's V is its input.
  const auto v = run->get<Layer>("Copy").V();
  REQUIRE(v.size() == 16);
  for (float x : v) CHECK(x == 2.0f);
}

TEST_CASE("Layer names are both given, both inferred, or refused", "[openpv_conns][layer_names]") {
  test::TempDir dir;
  CHECK_THAT(error_of(dir, R"(  ImageToCopy = { groupType = "IdentConn", preLayerName = "Image" },
)"),
             Catch::Contains("postLayerName") && Catch::Contains("is missing"));
  CHECK_THAT(error_of(dir, R"(  Feed = { groupType = "IdentConn" },
)"),
             Catch::Contains("preLayerName") && Catch::Contains("\"AToB\""));
  CHECK_THAT(error_of(dir, R"(  ToCopyToImage = { groupType = "IdentConn" },
)"),
             Catch::Contains("exactly once"));
  CHECK_THAT(error_of(dir, R"(  ImageToNowhere = { groupType = "IdentConn" },
)"),
             Catch::Contains("preLayerName") || Catch::Contains("postLayerName"));
}
