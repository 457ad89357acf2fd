// OpenPV's LCA-test types against values worked out by hand: FirmThresholdCostLayer and its dependent form, the
// FirmThresholdCost probes, MomentumLCALayer's update, and InputRegionLayer with useInputBCflag on a PvpLayer.
#include <catch2/catch.hpp>

#include <cmath>

#include "probes/firm_threshold_cost_fn_lca_probe.hpp"
#include "probes/firm_threshold_cost_fn_probe.hpp"
#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using test::a_of;
using test::v_of;

namespace {

// With VThresh 0.5 and VWidth 0.3 the cost saturates at w = 0.8: cost(v) = |v| (1 - |v|/1.6) below, 0.4 above.
const std::vector<float> kValues{0, 0.3f, -0.6f, 1.0f, -0.8f};
const std::vector<double> kCosts{0, 0.3 * (1 - 0.3 / 1.6), 0.6 * (1 - 0.6 / 1.6), 0.4, 0.4};

void check_costs(const std::vector<float>& a) {
  REQUIRE(a.size() == kCosts.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == Approx(kCosts[i]).margin(1e-6));
}

std::string ann(const std::string& keys) {
  return "  Orig = { groupType = \"ANNLayer\", phase = 1, VThresh = 0.5, VWidth = 0.3, AMin = 0" + keys + " },\n";
}

}  // namespace

TEST_CASE("FirmThresholdCostLayer: A is the firm-threshold cost of V", "[openpv_layers][firm_threshold]") {
  test::TempDir dir;
  test::ColumnRun run(test::network(
      dir, 5,
      test::constant_layer(dir, "Input", 1, kValues, 5) +
          "  Cost = { groupType = \"FirmThresholdCostLayer\", phase = 1, VThresh = 0.5, VWidth = 0.3 },\n" +
          test::ident("Input", "Cost", 0)));
  run.column->initialize();
  run.column->advance();
  CHECK(v_of(run.get<Layer>("Cost")) == kValues);
  check_costs(a_of(run.get<Layer>("Cost")));
  SECTION("VThresh is required") {
    test::TempDir d2;
    CHECK_THROWS_WITH(test::ColumnRun(test::network(d2, 5, "  Cost = { groupType = \"FirmThresholdCostLayer\" },\n")),
                      Catch::Contains("VThresh"));
  }
}

TEST_CASE("DependentFirmThresholdCostLayer takes VThresh and VWidth from its original",
          "[openpv_layers][firm_threshold]") {
  test::TempDir dir;
  const std::string input = test::constant_layer(dir, "Input", 1, kValues, 5) + test::ident("Input", "Cost", 0);
  auto build = [&](const std::string& orig_keys, const std::string& own_keys) {
    return std::make_unique<test::ColumnRun>(test::network(
        dir, 5,
        input + ann(orig_keys) +
            "  Cost = { groupType = \"DependentFirmThresholdCostLayer\", phase = 1, originalLayerName = \"Orig\"" +
            own_keys + " },\n"));
  };
  SECTION("the cost with the original's threshold; the same VWidth written here is accepted") {
    auto run = build("", ", VWidth = 0.3");
    run->column->initialize();
    run->column->advance();
    check_costs(a_of(run->get<Layer>("Cost")));
  }
  SECTION("an original with AShift, a finite AMax or AMin not 0 is refused") {
    CHECK_THROWS_WITH(build(", AShift = 0.5", ""), Catch::Contains("AShift"));
    CHECK_THROWS_WITH(build(", AMax = 2", ""), Catch::Contains("AMax"));
  }
  SECTION("a VThresh here that disagrees with the original's is refused") {
    CHECK_THROWS_WITH(build("", ", VThresh = 0.25"), Catch::Contains("VThresh"));
  }
  SECTION("an original without a threshold is refused") {
    test::TempDir d2;
    CHECK_THROWS_WITH(
        test::ColumnRun(test::network(
            d2, 5,
            test::constant_layer(d2, "Orig", 1, kValues, 5) +
                "  Cost = { groupType = \"DependentFirmThresholdCostLayer\", originalLayerName = \"Orig\" },\n")),
        Catch::Contains("threshold layer"));
  }
}

TEST_CASE("FirmThresholdCost probes sum the cost; the LCA one takes the target's threshold",
          "[openpv_layers][firm_threshold][probes]") {
  test::TempDir dir;
  // Orig (an ANNLayer with VThresh 0.5, VWidth 0.3, AMin 0) turns the input into A = 0 below 0.5, a ramp of slope
  // 1.3/0.3... : only |V| matters to the cost, so the probes read A; the FnProbe reads the input itself.
  test::ColumnRun run(test::network(
      dir, 5,
      test::constant_layer(dir, "Input", 1, kValues, 5) + ann("") + test::ident("Input", "Orig", 0) +
          "  Fn = { groupType = \"FirmThresholdCostFnProbe\", targetLayer = \"Input\", VThresh = 0.5, VWidth = 0.3, "
          "coefficient = 2 },\n"
          "  Lca = { groupType = \"FirmThresholdCostFnLCAProbe\", targetLayer = \"Orig\" },\n"));
  run.column->initialize();
  run.column->advance();
  double sum = 0;
  for (double c : kCosts) sum += c;
  auto& fn = run.get<FirmThresholdCostFnProbe>("Fn");
  CHECK(fn.raw_values()[0] == Approx(sum).epsilon(1e-7));
  CHECK(fn.values()[0] == Approx(2 * sum).epsilon(1e-7));
  // Orig's A: V below 0.5 gives 0; V = 1 gives V - AShift = 1 (past the ramp, VThresh + VWidth = 0.8): cost 0.4.
  auto& lca = run.get<FirmThresholdCostFnLCAProbe>("Lca");
  CHECK(a_of(run.get<Layer>("Orig")) == std::vector<float>{0, 0, 0, 1, 0});
  CHECK(lca.raw_values()[0] == Approx(0.4).epsilon(1e-7));
  CHECK(lca.coefficient() == 0.5);
  CHECK(lca.values()[0] == Approx(0.2).epsilon(1e-7));
  SECTION("the LCA probe needs a threshold layer") {
    test::TempDir d2;
    CHECK_THROWS_WITH(test::ColumnRun(test::network(
                          d2, 5,
                          test::constant_layer(d2, "Input", 1, kValues, 5) +
                              "  Lca = { groupType = \"FirmThresholdCostFnLCAProbe\", targetLayer = \"Input\" },\n")),
                      Catch::Contains("no VThresh"));
  }
}

TEST_CASE("MomentumLCALayer adds LCAMomentumRate times the previous drive", "[openpv_layers][momentum]") {
  test::TempDir dir;
  // tau = 1/ln 2 steps: decay e^(-1/tau) = 1/2, so the drive is D = g/2 each step (selfInteract off) and
  // V1 = g/2, V2 = V1/2 + g/2 + m g/2, V3 = V2/2 + g/2 + m g/2; with m = 1/2: g/2, g, 5g/4. HyPerLCA (m = 0):
  // g/2, 3g/4, 7g/8.
  auto run_of = [&](const std::string& type, const std::string& keys) {
    auto run = std::make_unique<test::ColumnRun>(test::network(
        dir, 2,
        test::constant_layer(dir, "Input", 1, {1, 2}, 2) + "  V1 = { groupType = \"" + type +
            "\", phase = 1, timeConstantTau = " + std::to_string(1.0 / std::log(2.0)) +
            ", selfInteract = false, VThresh = 0, AMin = 0" + keys + " },\n" + test::ident("Input", "V1", 0)));
    run->column->initialize();
    std::vector<std::vector<float>> vs;
    for (int step = 0; step < 3; ++step) {
      run->column->advance();
      vs.push_back(v_of(run->get<Layer>("V1")));
    }
    return vs;
  };
  auto check = [](const std::vector<std::vector<float>>& vs, const std::vector<double>& per_g) {
    for (std::size_t s = 0; s < per_g.size(); ++s) {
      CHECK(vs[s][0] == Approx(per_g[s]).epsilon(1e-6));
      CHECK(vs[s][1] == Approx(2 * per_g[s]).epsilon(1e-6));
    }
  };
  check(run_of("MomentumLCALayer", ", LCAMomentumRate = 0.5"), {0.5, 1.0, 1.25});
  check(run_of("MomentumLCALayer", ""), {0.5, 0.75, 0.875});
  check(run_of("HyPerLCALayer", ""), {0.5, 0.75, 0.875});
  // Without -d a GPU request is a placement the column turns into a CPU run: the same numbers.
  check(run_of("MomentumLCALayer", ", LCAMomentumRate = 0.5, updateGpu = true"), {0.5, 1.0, 1.25});
}

namespace {

// A 4 x 2 column showing a 6 x 4 (or 5 x 4) image of the values 10 y + x through a PvpLayer whose halo of 1 a 3x3
// connection asks for, with its InputRegionLayer.
std::unique_ptr<test::ColumnRun> input_run(const test::TempDir& dir, int image_w, const std::string& input_keys,
                                           int image_h = 4) {
  std::vector<float> image;
  for (int y = 0; y < image_h; ++y)
    for (int x = 0; x < image_w; ++x) image.push_back(float(10 * y + x));
  PvpActivityFileWriter w(dir / "image.pvp", PvpType::Dense, image_w, image_h, 1, 1);
  w.write_frame(0.0, image);
  w.close();
  auto params = dir.write("input.lua", R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
return {
  column = { groupType = "HyPerCol", nx = 4, ny = 2, dt = 1, stopTime = 10, randomSeed = 7 },
  Input = { groupType = "PvpLayer", inputPath = here .. "image.pvp", padValue = -1, valueBC = -5)lua" +
                                           input_keys + R"lua( },
  Region = { groupType = "InputRegionLayer", originalLayerName = "Input", valueBC = -5 },
  Out = { groupType = "HyPerLayer", phase = 1 },
  InputToOut = { groupType = "HyPerConn", preLayerName = "Input", postLayerName = "Out", channelCode = 0,
                 nxp = 3, nyp = 3, weightInitType = "UniformWeight", weightInit = 1, normalizeMethod = "none" },
}
)lua");
  auto run = std::make_unique<test::ColumnRun>(params);
  run->column->initialize();
  return run;
}

// A at extended position (x, y) of batch element 0; x, y from -1 (the halo).
float ext_a(const Layer& l, int x, int y) { return l.A()[l.geometry().ext_index(x, y, 0)]; }

}  // namespace

TEST_CASE("useInputBCflag places the input on the layer grown by its halo", "[openpv_layers][input_bc]") {
  SECTION("false: the interior shows the image (of the layer's size), the halo the boundary value") {
    test::TempDir dir;
    auto run = input_run(dir, 4, "", 2);
    const Layer& in = run->get<Layer>("Input");
    CHECK(ext_a(in, 0, 0) == 0.0f);
    CHECK(ext_a(in, 3, 1) == 13.0f);
    CHECK(ext_a(in, -1, 0) == -5.0f);
    CHECK(ext_a(in, 4, 2) == -5.0f);
  }
  SECTION("true: the halo's corner meets the image's, so the halo shows the image too") {
    test::TempDir dir;
    auto run = input_run(dir, 6, ", useInputBCflag = true");
    const Layer& in = run->get<Layer>("Input");
    // Extended (x, y) shows image pixel (x + 1, y + 1).
    for (int y = -1; y <= 2; ++y)
      for (int x = -1; x <= 4; ++x) CHECK(ext_a(in, x, y) == float(10 * (y + 1) + x + 1));
    // Out (3x3 of ones) sums the 3x3 neighbourhood: at (0, 0) the image's rows 0..2, columns 0..2.
    run->column->advance();
    CHECK(run->get<Layer>("Out").V()[0] == float(3 * (0 + 1 + 2) + 3 * (0 + 10 + 20)));
    // The region is 1 everywhere, halo included.
    const Layer& region = run->get<Layer>("Region");
    for (int y = -1; y <= 2; ++y)
      for (int x = -1; x <= 4; ++x) CHECK(ext_a(region, x, y) == 1.0f);
  }
  SECTION("true with an image one column short: the last halo column is padding, and outside the region") {
    test::TempDir dir;
    auto run = input_run(dir, 5, ", useInputBCflag = true");
    const Layer& in = run->get<Layer>("Input");
    const Layer& region = run->get<Layer>("Region");
    for (int y = -1; y <= 2; ++y) {
      CHECK(ext_a(in, 3, y) == float(10 * (y + 1) + 4));
      CHECK(ext_a(in, 4, y) == -1.0f);
      CHECK(ext_a(region, 3, y) == 1.0f);
      CHECK(ext_a(region, 4, y) == 0.0f);
    }
  }
  SECTION("false: the region is the interior; its halo has the input's boundary condition") {
    test::TempDir dir;
    auto run = input_run(dir, 4, "", 2);
    const Layer& region = run->get<Layer>("Region");
    CHECK(a_of(region) == std::vector<float>{1, 1, 1, 1});
    CHECK(ext_a(region, -1, 0) == -5.0f);
    CHECK(ext_a(region, 4, 2) == -5.0f);
  }
}

TEST_CASE("InputRegionLayer refusals", "[openpv_layers][input_region]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(input_run(dir, 6, ", useInputBCflag = true, mirrorBCflag = true"), Catch::Contains("mirrorBCflag"));
  test::TempDir d2;
  CHECK_THROWS_WITH(
      test::ColumnRun(test::network(d2, 5,
                                    test::constant_layer(d2, "Input", 1, kValues, 5) +
                                        "  Region = { groupType = \"InputRegionLayer\", originalLayerName = "
                                        "\"Input\" },\n")),
      Catch::Contains("input layer"));
}
