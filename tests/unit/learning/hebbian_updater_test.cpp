// The steps of a weight update around the Hebbian change: dW divided by its contribution counts, the non-negative
// constraint, L2 normalisation, delayed application, dWMax decay, combine_dW_with_W_flag, the update schedule, and
// the connections that follow the learned weights (TransposeConn, CloneConn, the weight output file).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "app/default_registry.hpp"
#include "core/errors.hpp"
#include "lua/params_loader.hpp"
#include "tests/unit/learning/learning_net.hpp"

using namespace spv;
using test::TinyRun;

namespace {

float activity_of(const test::ColumnRun& run, const std::string& layer, int x, int y) {
  const Layer& l = run.get<Layer>(layer);
  return l.A()[l.geometry().ext_index(x, y, 0)];
}

}  // namespace

TEST_CASE("normalizeDw divides each weight's sum by its (pre neuron, batch element) contributors", "[learning]") {
  // Pre and post are 4x1 with a 3-wide patch, so pre neuron i reaches post i - 1 .. i + 1 (weight px reaches
  // post i - 1 + px; the edges clip). Batch element 0: pre (1, 0, 2, 0), post all 1; element 1: pre (0, 0, 0, 4),
  // post all 1/2; dWMax = 1, W0 = 0. Contributions per weight:
  //   px 0: pre 2 -> post 1 (2), element 1 pre 3 -> post 2 (2)             sum 4, count 2
  //   px 1: pre 0 -> post 0 (1), pre 2 -> post 2 (2), pre 3 -> post 3 (2)  sum 5, count 3
  //   px 2: pre 0 -> post 1 (1), pre 2 -> post 3 (2); pre 3 reaches past the edge   sum 3, count 2
  auto learned = [](bool normalize_dw) {
    test::TempDir dir;
    test::write_frames(dir / "pre.pvp", 4, 1, 1, {{1, 0, 2, 0}, {0, 0, 0, 4}});
    test::write_frames(dir / "post.pvp", 4, 1, 1, {{1, 1, 1, 1}, {0.5f, 0.5f, 0.5f, 0.5f}});
    test::write_weights(dir / "w0.pvp", 3, 1, 1, 1, {0, 0, 0});
    test::write_file(dir / "net.lua", std::string(R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
return {
  column = { groupType = "HyPerCol", nx = 4, ny = 1, nbatch = 2, dt = 1, stopTime = 1 },
  Pre = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = here .. "pre.pvp", displayPeriod = 1 },
  Post = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = here .. "post.pvp", displayPeriod = 1 },
  Dict = { groupType = "HyPerConn", preLayerName = "Pre", postLayerName = "Post", channelCode = -1, nxp = 3, nyp = 1,
           weightInitType = "FileWeight", initWeightsFile = here .. "w0.pvp", normalizeMethod = "none",
           plasticityFlag = true, weightUpdatePeriod = 1, dWMax = 1, normalizeDw = )lua") +
                                               (normalize_dw ? "true" : "false") + " },\n}\n");
    test::ColumnRun run(dir / "net.lua");
    run.column->initialize();
    run.column->advance();
    return test::weights_of(run, "Dict");
  };
  CHECK(learned(false) == std::vector<float>{4, 5, 3});
  CHECK(learned(true) == std::vector<float>{2, float(5.0 / 3.0), 1.5f});
}

TEST_CASE("each arbor learns from the pre activity of its own delay and the current post activity", "[learning]") {
  TinyRun t("numAxonalArbors = 2, delay = {0, 1}", "", "weightUpdatePeriod = 1", 2);
  // Step 1: both arbors see a = 2 (the delayed one the state at t = 0, frame 0 too): W += (1/2) 2 r1.
  CHECK(t.step() == std::vector<float>{1.5f, 0.25f, -0.875f, 1.25f, 1.5f, 0.25f, -0.875f, 1.25f});
  // Step 2, residual r2: arbor 0 with a2 = 1 adds (1/2) r2, arbor 1 with the delayed a1 = 2 adds r2.
  CHECK(t.step() == std::vector<float>{1.75f, 0.5f, -1.125f, 1.75f, 2.0f, 0.75f, -1.375f, 2.25f});
}

TEST_CASE("nonnegativeConstraintFlag clips the updated weights at zero", "[learning]") {
  TinyRun t("nonnegativeConstraintFlag = true");
  CHECK(t.step() == std::vector<float>{1.5f, 0.25f, 0.0f, 1.25f});  // W0 + dW1 = (3/2, 1/4, -7/8, 5/4)
}

TEST_CASE("normalizeL2 after the update scales the kernel to norm strength", "[learning]") {
  SECTION("scaled") {
    TinyRun t("normalizeMethod = \"normalizeL2\", strength = 2, normalizeOnInitialize = false");
    const std::vector<float> w = t.step();
    // W0 + dW1 = (3/2, 1/4, -7/8, 5/4), |.|^2 = 297/64; W1 = 2 (W0 + dW1) / sqrt(297/64). The factor is rounded to
    // float once and each weight once: a relative error of about 1e-7.
    const double scale = 2.0 / std::sqrt(297.0 / 64.0);
    const std::vector<double> raw{1.5, 0.25, -0.875, 1.25};
    for (std::size_t i = 0; i < 4; ++i) CHECK(w[i] == Approx(raw[i] * scale).epsilon(3e-7));
  }
  SECTION("left alone at or below minL2NormTolerated") {
    TinyRun t("normalizeMethod = \"normalizeL2\", normalizeOnInitialize = false, minL2NormTolerated = 3");
    CHECK(t.step() == std::vector<float>{1.5f, 0.25f, -0.875f, 1.25f});  // norm 2.154 <= 3
  }
}

TEST_CASE("immediateWeightUpdate = false applies each dW at the next update", "[learning]") {
  TinyRun t("immediateWeightUpdate = false");
  CHECK(t.step() == std::vector<float>{0.5f, -0.25f, 0.125f, 1.0f});   // nothing pending at the first update
  CHECK(t.step() == std::vector<float>{1.5f, 0.25f, -0.875f, 1.25f});  // W0 + dW1
  CHECK(t.step() == std::vector<float>{1.75f, 0.5f, -1.125f, 1.75f});  // + dW2
}

TEST_CASE("dWMax decays by dWMaxDecayFactor after the first update, then every interval + 1 updates", "[learning]") {
  TinyRun t("dWMaxDecayInterval = 1, dWMaxDecayFactor = 0.5");
  const HebbianUpdater& u = *t.run->get<HyPerConnBase>("Dict").updater();
  CHECK(t.step() == std::vector<float>{1.5f, 0.25f, -0.875f, 1.25f});  // with dWMax 1/2
  CHECK(u.dw_max() == 0.25f);
  CHECK(t.step() == std::vector<float>{1.625f, 0.375f, -1.0f, 1.5f});  // W1 + (1/4) * 1 * r2
  CHECK(u.dw_max() == 0.25f);
  t.step();
  CHECK(u.dw_max() == 0.125f);
}

TEST_CASE("combine_dW_with_W_flag accumulates into W's own buffer, as OpenPV does", "[learning]") {
  // OpenPV's dW buffer is then W itself: it holds W0 + dWMax a r, and W += dW doubles it.
  TinyRun t("combine_dW_with_W_flag = true");
  CHECK(t.step() == std::vector<float>{3.0f, 0.5f, -1.75f, 2.5f});
}

TEST_CASE("updates happen when the schedule says", "[learning]") {
  // Constant code 1 and residual 1 with dWMax 1: every update adds exactly 1 to each weight.
  auto updates_after = [](const std::string& schedule, const std::string& extra) {
    test::TempDir dir;
    test::write_frames(dir / "code.pvp", 1, 1, 1, {{1.0f}});
    test::write_frames(dir / "err.pvp", 2, 2, 1, {{1, 1, 1, 1}});
    test::write_weights(dir / "w0.pvp", 2, 2, 1, 1, {0, 0, 0, 0});
    test::write_file(dir / "net.lua", test::tiny_network("dWMax = 1", extra, schedule));
    test::ColumnRun run(dir / "net.lua");
    run.column->initialize();
    std::vector<int> counts;
    for (int n = 1; n <= 9; ++n) {
      run.column->advance();
      counts.push_back(int(test::weights_of(run, "Dict")[0]));
    }
    return counts;
  };
  const std::string trigger_layer =
      "net.Trigger = { groupType = \"PvpLayer\", nxScale = 0.5, nyScale = 0.5, nf = 1, phase = 0, "
      "inputPath = here .. \"code.pvp\", displayPeriod = 4 }";
  // Every 3 from t = 2: t = 2, 5, 8.
  CHECK(updates_after("weightUpdatePeriod = 3, initialWeightUpdateTime = 2", "") ==
        std::vector<int>{0, 1, 1, 1, 2, 2, 2, 3, 3});
  // The trigger fires at t = 1, 5, 9 (a new frame every 4 steps).
  CHECK(updates_after("triggerLayerName = \"Trigger\"", trigger_layer) == std::vector<int>{1, 1, 1, 1, 2, 2, 2, 2, 3});
  // triggerOffset 1: the step before the new frame, t = 4, 8.
  CHECK(updates_after("triggerLayerName = \"Trigger\", triggerOffset = 1", trigger_layer) ==
        std::vector<int>{0, 0, 0, 1, 1, 1, 1, 2, 2});
}

TEST_CASE("TransposeConn and CloneConn deliver with the learned weights from the next step", "[learning]") {
  TinyRun t("", R"lua(
net.Back = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 1, phase = 1 }
net.Recon = { groupType = "HyPerLayer", nf = 1, phase = 1 }
net.ErrToBack = { groupType = "TransposeConn", preLayerName = "Err", postLayerName = "Back", channelCode = 0,
                  originalConnName = "Dict" }
net.CodeToRecon = { groupType = "CloneConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0,
                    originalConnName = "Dict" }
)lua");
  t.step();
  CHECK(activity_of(*t.run, "Back", 0, 0) == 0.5f);  // W0 . r1 = 1/2 - 1/8 - 1/8 + 1/4
  CHECK(activity_of(*t.run, "Recon", 1, 1) == 2.0f);  // W0 * a1: weight (1, 1) is 1, a1 = 2
  t.step();
  // Delivered before this step's update, with W1 = (3/2, 1/4, -7/8, 5/4); the initial weights would give 1.0625.
  CHECK(activity_of(*t.run, "Back", 0, 0) == 2.5625f);  // W1 . r2 = 3/4 + 1/8 + 7/16 + 5/4
  CHECK(activity_of(*t.run, "Recon", 0, 1) == -0.875f);  // W1 * a2, a2 = 1
}

TEST_CASE("the weight file holds the learned weights", "[learning]") {
  test::TempDir dir;
  TinyRun t("writeStep = 1", "net.column.stopTime = 2");
  ColumnOptions options;
  options.output_path = (dir / "out").string();
  options.show_progress = false;
  LocalCommunicator comm;
  const Registry registry = default_registry();
  Column column(load_params_file((t.dir / "net.lua").string()), registry, options, comm);
  column.initialize();
  column.open_outputs();
  column.run();
  column.finish();
  REQUIRE(count_weight_frames(dir / "out" / "Dict.pvp") == 3);  // t = 0, 1, 2
  CHECK(read_shared_weights(dir / "out" / "Dict.pvp", 0).values == std::vector<float>{0.5f, -0.25f, 0.125f, 1.0f});
  const SharedWeights last = read_shared_weights(dir / "out" / "Dict.pvp", 2);
  CHECK(last.time == 2.0);
  CHECK(last.values == std::vector<float>{1.75f, 0.5f, -1.125f, 1.75f});
}

TEST_CASE("learning keys that cannot work together are refused", "[learning]") {
  test::TempDir dir;
  auto error_of = [&](const std::string& dict, const std::string& schedule) {
    test::write_frames(dir / "code.pvp", 1, 1, 1, {{1.0f}});
    test::write_frames(dir / "err.pvp", 2, 2, 1, {{1, 1, 1, 1}});
    test::write_weights(dir / "w0.pvp", 2, 2, 1, 1, {0, 0, 0, 0});
    test::write_file(dir / "net.lua", test::tiny_network("dWMax = 1, " + dict, "", schedule));
    try {
      test::ColumnRun run(dir / "net.lua");
    } catch (const ParamError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error_of("combine_dW_with_W_flag = true, immediateWeightUpdate = false", "weightUpdatePeriod = 1"),
             Catch::Contains("combine_dW_with_W_flag") && Catch::Contains("immediateWeightUpdate"));
  CHECK_THAT(error_of("", "weightUpdatePeriod = 0"), Catch::Contains("weightUpdatePeriod") &&
                                                         Catch::Contains("positive"));
}
