// ISTALayer, ANNErrorLayer (and one HyPerLCALayer step) in a column, against values worked out by hand: a 4 x 1
// column whose inputs and initial V come from PVP files of literal numbers, two ConstantLayers delivering through
// IdentConns into channel 0 (Input) and channel 1 (Recon) of the layers under test, checked after one and two steps.
//
// Input = {1, 0.5, 1, -1}, Recon = {0.5, 1, -1, 0}, so GSyn[0] - GSyn[1] = G = {0.5, -0.5, 2, -1} every step.
// All numbers are short dyadic fractions, so the float results are exact and compared with ==.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "core/layer.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

void write_values(const std::filesystem::path& path, const std::vector<float>& values) {
  PvpActivityFileWriter w(path, PvpType::Dense, int(values.size()), 1, 1, 1);
  w.write_frame(0.0, values);
  w.close();
}

// A 4 x 1 column with the two inputs, the given dt, and `groups`; the PVP files beside the params file.
std::string network(const test::TempDir& dir, const std::string& dt, const std::string& groups) {
  write_values(dir / "input.pvp", {1, 0.5f, 1, -1});
  write_values(dir / "recon.pvp", {0.5f, 1, -1, 0});
  write_values(dir / "v0.pvp", {1, -1, 0.25f, 0.75f});
  return dir.write("net.lua", R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
return {
  column = { groupType = "HyPerCol", nx = 4, ny = 1, dt = )lua" + dt + R"lua(, stopTime = 100 },
  Input = { groupType = "ConstantLayer", nf = 1, InitVType = "InitVFromFile", Vfilename = here .. "input.pvp" },
  Recon = { groupType = "ConstantLayer", nf = 1, InitVType = "InitVFromFile", Vfilename = here .. "recon.pvp" },
)lua" + groups + "}\n");
}

// Both IdentConns into `layer`: Input excitatory, Recon inhibitory.
std::string feeds(const std::string& layer) {
  return "  InputTo" + layer + " = { groupType = \"IdentConn\", preLayerName = \"Input\", postLayerName = \"" + layer +
         "\", channelCode = 0 },\n  ReconTo" + layer +
         " = { groupType = \"IdentConn\", preLayerName = \"Recon\", postLayerName = \"" + layer +
         "\", channelCode = 1 },\n";
}

std::vector<float> v_of(const Layer& l) { return {l.V().begin(), l.V().end()}; }

std::vector<float> a_of(const Layer& l) {
  const LayerGeometry& g = l.geometry();
  std::vector<float> out(g.neurons());
  for (int x = 0; x < g.nx; ++x) out[std::size_t(x)] = l.A()[g.ext_index(x, 0, 0)];
  return out;
}

}  // namespace

TEST_CASE("ISTALayer: V += (dt/tau) (G - VThresh sign(A)), A the soft threshold of V", "[lca][ista]") {
  test::TempDir dir;
  // Soft threshold 0.5 (AMin 0, AShift 0.5), tau = timeConstantTau / dt = 4 steps, V0 = {1, -1, 0.25, 0.75}.
  const std::string code = R"(
  Code = { groupType = "ISTALayer", nf = 1, phase = 1, VThresh = 0.5, AMin = 0, AShift = 0.5, timeConstantTau = 4,
           InitVType = "InitVFromFile", Vfilename = here .. "v0.pvp" },
)";
  SECTION("dt 1: h/tau = 1/4") {
    test::ColumnRun run(network(dir, "1", code + feeds("Code")));
    run.column->initialize();
    const Layer& l = run.get<Layer>("Code");
    // A0 = soft(V0) = {1 - 0.5, 0 (-1 < 0.5), 0 (0.25 < 0.5), 0.75 - 0.5} = {0.5, 0, 0, 0.25}
    REQUIRE(v_of(l) == std::vector<float>{1, -1, 0.25f, 0.75f});
    REQUIRE(a_of(l) == std::vector<float>{0.5f, 0, 0, 0.25f});

    run.column->advance();
    // sign(A0) = {1, 0, 0, 1}; V1 = V0 + 0.25 (G - 0.5 sign(A0)):
    //   1 + 0.25 (0.5 - 0.5) = 1;  -1 + 0.25 (-0.5) = -1.125;  0.25 + 0.25 (2) = 0.75;  0.75 + 0.25 (-1 - 0.5) = 0.375
    // A1 = {0.5, 0, 0.25, 0 (0.375 < 0.5)}
    CHECK(v_of(l) == std::vector<float>{1, -1.125f, 0.75f, 0.375f});
    CHECK(a_of(l) == std::vector<float>{0.5f, 0, 0.25f, 0});

    run.column->advance();
    // sign(A1) = {1, 0, 1, 0}; V2 = V1 + 0.25 (G - 0.5 sign(A1)):
    //   1 + 0 = 1;  -1.125 - 0.125 = -1.25;  0.75 + 0.25 (2 - 0.5) = 1.125;  0.375 + 0.25 (-1) = 0.125
    // A2 = {0.5, 0, 0.625, 0}
    CHECK(v_of(l) == std::vector<float>{1, -1.25f, 1.125f, 0.125f});
    CHECK(a_of(l) == std::vector<float>{0.5f, 0, 0.625f, 0});
  }
  SECTION("dt 0.5: h = dt and tau = timeConstantTau / dt (OpenPV's scaling), h/tau = 0.5 / 8 = 1/16") {
    test::ColumnRun run(network(dir, "0.5", code + feeds("Code")));
    run.column->initialize();
    run.column->advance();
    const Layer& l = run.get<Layer>("Code");
    // V1 = V0 + (G - 0.5 sign(A0)) / 16:
    //   1 + 0 = 1;  -1 - 0.5/16 = -1.03125;  0.25 + 2/16 = 0.375;  0.75 - 1.5/16 = 0.65625
    // A1 = {0.5, 0, 0, 0.15625}
    CHECK(v_of(l) == std::vector<float>{1, -1.03125f, 0.375f, 0.65625f});
    CHECK(a_of(l) == std::vector<float>{0.5f, 0, 0, 0.15625f});
  }
  SECTION("AMin defaults to VThresh (OpenPV): below the threshold A is VThresh, and its sign counts") {
    const std::string hard = R"(
  Code = { groupType = "ISTALayer", nf = 1, phase = 1, VThresh = 0.5, timeConstantTau = 4,
           InitVType = "InitVFromFile", Vfilename = here .. "v0.pvp" },
)";
    test::ColumnRun run(network(dir, "1", hard + feeds("Code")));
    run.column->initialize();
    const Layer& l = run.get<Layer>("Code");
    // A0 = {1, 0.5, 0.5, 0.75} (AMin = 0.5 below; AShift 0 above): every sign is +1.
    REQUIRE(a_of(l) == std::vector<float>{1, 0.5f, 0.5f, 0.75f});
    run.column->advance();
    // V1 = V0 + 0.25 (G - 0.5): 1 + 0 = 1;  -1 - 0.25 = -1.25;  0.25 + 0.375 = 0.625;  0.75 - 0.375 = 0.375
    CHECK(v_of(l) == std::vector<float>{1, -1.25f, 0.625f, 0.375f});
    CHECK(a_of(l) == std::vector<float>{1, 0.5f, 0.625f, 0.5f});
  }
}

TEST_CASE("ANNErrorLayer: V = errScale (GSyn[0] - GSyn[1]), A = T(V); GSyn is cleared every step", "[lca][error]") {
  test::TempDir dir;
  const std::string groups = R"(
  Error = { groupType = "ANNErrorLayer", nf = 1, phase = 1, errScale = 2 },
  Thresholded = { groupType = "ANNErrorLayer", nf = 1, phase = 1, errScale = 0.5, VThresh = 0.25, AMin = 0,
                  AMax = 0.75 },
  DefaultAMin = { groupType = "ANNErrorLayer", nf = 1, phase = 1, VThresh = 0.25 },
)" + feeds("Error") + feeds("Thresholded") +
                             feeds("DefaultAMin");
  test::ColumnRun run(network(dir, "1", groups));
  run.column->initialize();
  const Layer& error = run.get<Layer>("Error");
  const Layer& thresholded = run.get<Layer>("Thresholded");
  const Layer& default_amin = run.get<Layer>("DefaultAMin");
  // The inputs are constant, so steps 1 and 2 give the same values (twice them if GSyn were not cleared).
  for (int step = 1; step <= 2; ++step) {
    INFO("step " << step);
    run.column->advance();
    // G = {0.5, -0.5, 2, -1}.
    // errScale 2, no threshold (VThresh = AMin = -infinity): V = A = 2 G = {1, -1, 4, -2}.
    CHECK(v_of(error) == std::vector<float>{1, -1, 4, -2});
    CHECK(a_of(error) == std::vector<float>{1, -1, 4, -2});
    // errScale 0.5: V = {0.25, -0.25, 1, -0.5}; VThresh 0.25, AMin 0, AMax 0.75:
    //   0.25 (at the threshold) -> 0.25;  -0.25 -> 0;  1 -> 0.75 (capped);  -0.5 -> 0
    CHECK(v_of(thresholded) == std::vector<float>{0.25f, -0.25f, 1, -0.5f});
    CHECK(a_of(thresholded) == std::vector<float>{0.25f, 0, 0.75f, 0});
    // errScale 1 (the default), VThresh 0.25 and AMin left out, so AMin = VThresh = 0.25:
    //   0.5 -> 0.5;  -0.5 -> 0.25;  2 -> 2;  -1 -> 0.25
    CHECK(v_of(default_amin) == std::vector<float>{0.5f, -0.5f, 2, -1});
    CHECK(a_of(default_amin) == std::vector<float>{0.5f, 0.25f, 2, 0.25f});
  }
}

TEST_CASE("HyPerLCALayer: one step of V = d V + (1 - d) (G + A), d = exp(-dt / (timeConstantTau / dt))", "[lca]") {
  test::TempDir dir;
  const std::string code = R"(
  Code = { groupType = "HyPerLCALayer", nf = 1, phase = 1, VThresh = 0.5, AMin = 0, AShift = 0.5,
           timeConstantTau = 4, InitVType = "InitVFromFile", Vfilename = here .. "v0.pvp" },
)";
  for (const char* dt : {"1", "0.5"}) {
    INFO("dt " << dt);
    test::ColumnRun run(network(dir, dt, code + feeds("Code")));
    run.column->initialize();
    run.column->advance();
    const Layer& l = run.get<Layer>("Code");
    // d = e^(-1/4) for dt 1, e^(-0.5 / 8) = e^(-1/16) for dt 0.5. A0 = {0.5, 0, 0, 0.25} (as for ISTA), so the
    // drive G + A0 = {1, -0.5, 2, -0.75}; V0 = {1, -1, 0.25, 0.75}.
    const double d = std::string(dt) == "1" ? std::exp(-0.25) : std::exp(-0.0625);
    const double v0[] = {1, -1, 0.25, 0.75}, drive[] = {1, -0.5, 2, -0.75};
    const std::vector<float> v = v_of(l), a = a_of(l);
    for (int i = 0; i < 4; ++i) {
      const double want = d * v0[i] + (1 - d) * drive[i];
      CHECK(v[std::size_t(i)] == Approx(want).epsilon(1e-6));
      CHECK(a[std::size_t(i)] == Approx(want < 0.5 ? 0.0 : want - 0.5).margin(1e-6));
    }
    // n0 is the fixed point (V0 = drive = 1); n3 moves to 0.75 d - 0.75 (1 - d) = 0.75 (2d - 1): e.g. 0.418 at dt 1.
    CHECK(v[0] == Approx(1.0).epsilon(1e-7));
    if (std::string(dt) == "1") CHECK(v[3] == Approx(0.75 * (2 * std::exp(-0.25) - 1)).epsilon(1e-6));
  }
}

TEST_CASE("ANNLayer with verticesV/verticesA: A is the piecewise-linear function through the vertices",
          "[lca][ann][vertices]") {
  test::TempDir dir;
  // Vertices (0, 0), (1, 1), (1, 2), (2, 2); slope 0.25 left of the first, 0.5 right of the last.
  // V = G = {0.5, -0.5, 2, -1}: 0.5 on the segment of slope 1 -> 0.5; -0.5 -> 0 + 0.25 (-0.5) = -0.125;
  // 2 at the last vertex -> 2 + 0.5 * 0 = 2; -1 -> 0.25 (-1) = -0.25.
  const std::string layer = R"(
  Out = { groupType = "ANNLayer", nf = 1, phase = 1, verticesV = { 0, 1, 1, 2 }, verticesA = { 0, 1, 2, 2 },
          slopeNegInf = 0.25, slopePosInf = 0.5 },
)";
  test::ColumnRun run(network(dir, "1", layer + feeds("Out")));
  run.column->initialize();
  run.column->advance();
  const Layer& l = run.get<Layer>("Out");
  REQUIRE(v_of(l) == std::vector<float>{0.5f, -0.5f, 2, -1});
  CHECK(a_of(l) == std::vector<float>{0.5f, -0.125f, 2, -0.25f});
  CHECK(!l.vthresh().has_value());  // no VThresh for the probes with a vertex list
}

TEST_CASE("ANNLayer vertices: unequal lengths and decreasing V are refused, naming the key", "[lca][ann][vertices]") {
  test::TempDir dir;
  auto refused = [&](const std::string& keys, const std::string& key) {
    const std::string groups = "  Out = { groupType = \"ANNLayer\", nf = 1, phase = 1, " + keys + " },\n";
    REQUIRE_THROWS_WITH(test::ColumnRun(network(dir, "1", groups + feeds("Out"))),
                        Catch::Matchers::Contains("\"" + key + "\""));
  };
  refused("verticesV = { 0, 1 }, verticesA = { 0 }", "verticesA");
  refused("verticesV = { 0, 1, 0.5 }, verticesA = { 0, 1, 2 }", "verticesV");
}
