// CopyConn (its own normalisation of the original's weights, renewed after each update), FeedbackConn (TransposeConn
// with the original's layers reversed) and PlasticCloneConn (its Hebbian terms join the original's dW), in a column.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "connections/conv_connection.hpp"
#include "core/errors.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

const char* const kNet = R"(return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = 3, randomSeed = 7 },
  Code = { groupType = "ConstantLayer", nxScale = 0.5, nyScale = 0.5, nf = 3, InitVType = "UniformRandomV",
           minV = 0, maxV = 1 },
  Recon = { groupType = "HyPerLayer", nf = 2, phase = 1 },
  Back = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 3, phase = 2 },
  BackT = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 3, phase = 2 },
  Copied = { groupType = "HyPerLayer", nf = 2, phase = 1 },
  Dict = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0, nxp = 4,
           nyp = 4, weightInitType = "UniformRandomWeight", wMinInit = 0.1, wMaxInit = 1, normalizeMethod = "none",
           plasticityFlag = true, weightUpdatePeriod = 1, dWMax = 0.5, normalizeDw = false },
  Feedback = { groupType = "FeedbackConn", channelCode = 0, originalConnName = "Dict" },
  Transpose = { groupType = "TransposeConn", preLayerName = "Recon", postLayerName = "BackT", channelCode = 0,
                originalConnName = "Dict" },
%s}
)";

std::unique_ptr<test::ColumnRun> build(const test::TempDir& dir, const std::string& extra) {
  std::string text = kNet;
  text.replace(text.find("%s"), 2, extra);
  test::write_file(dir / "net.lua", text);
  return std::make_unique<test::ColumnRun>(dir / "net.lua");
}

std::vector<float> weights_of(const test::ColumnRun& run, const std::string& conn) {
  const WeightStore& w = run.get<ConvConnection>(conn).weights();
  return {w.values().begin(), w.values().end()};
}

std::string error_of(const test::TempDir& dir, const std::string& extra) {
  try {
    build(dir, extra)->column->initialize();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

const char* const kCopy = R"(
  Copy = { groupType = "CopyConn", preLayerName = "Code", postLayerName = "Copied", channelCode = 0,
           originalConnName = "Dict", normalizeMethod = "normalizeSum", strength = 2 },)";

}  // namespace

TEST_CASE("CopyConn delivers the original's weights normalised its own way, renewed after each update",
          "[openpv_conns][copy]") {
  test::TempDir dir;
  auto run = build(dir, kCopy);
  run->column->initialize();
  for (int step = 0; step < 3; ++step) {
    run->column->advance();  // updates Dict, then the copy follows
    const std::vector<float> w = weights_of(*run, "Dict"), c = weights_of(*run, "Copy");
    const std::size_t patch = 4 * 4 * 2;
    for (std::size_t k = 0; k < w.size() / patch; ++k) {
      double sum = 0;
      for (std::size_t i = 0; i < patch; ++i) sum += w[k * patch + i];
      for (std::size_t i = 0; i < patch; ++i)
        REQUIRE(c[k * patch + i] == Approx(w[k * patch + i] * 2 / sum).epsilon(1e-5));
    }
  }
  // Without normalisation the copy is the original, bit for bit, and delivers what the original does.
  auto same = build(dir, R"(
  Copy = { groupType = "CopyConn", preLayerName = "Code", postLayerName = "Copied", channelCode = 0,
           originalConnName = "Dict", normalizeMethod = "none" },)");
  same->column->initialize();
  same->column->advance();
  const std::vector<float> w = weights_of(*same, "Dict"), c = weights_of(*same, "Copy");
  REQUIRE(w.size() == c.size());
  const Layer &recon = same->get<Layer>("Recon"), &copied = same->get<Layer>("Copied");
  CHECK(std::memcmp(recon.V().data(), copied.V().data(), recon.V().size() * sizeof(float)) == 0);
  same->column->advance();
  CHECK(std::memcmp(weights_of(*same, "Dict").data(), weights_of(*same, "Copy").data(), w.size() * 4) == 0);
  CHECK_THAT(error_of(dir, R"(
  Copy = { groupType = "CopyConn", preLayerName = "Code", postLayerName = "Copied", originalConnName = "Dict" },)"),
             Catch::Contains("normalizeMethod"));
}

TEST_CASE("FeedbackConn is the transpose of its original from the original's post into its pre",
          "[openpv_conns][feedback]") {
  test::TempDir dir;
  auto run = build(dir, "");
  CHECK(&run->get<Connection>("Feedback").pre() == &run->get<Layer>("Recon"));
  CHECK(&run->get<Connection>("Feedback").post() == &run->get<Layer>("Code"));
  // Delivering into Code (a ConstantLayer) changes nothing there; compare its weights and delivery to Transpose's.
  run->column->initialize();
  run->column->advance();
  run->column->advance();
  CHECK(weights_of(*run, "Feedback") == weights_of(*run, "Transpose"));
  // OpenPV ignores the layer names of a FeedbackConn: names that agree with the original are accepted, others refused.
  CHECK(error_of(dir, R"(
  Agrees = { groupType = "FeedbackConn", preLayerName = "Recon", postLayerName = "Code", originalConnName = "Dict" },)") ==
        "no error");
  CHECK_THAT(error_of(dir, R"(
  Bad = { groupType = "FeedbackConn", preLayerName = "Code", originalConnName = "Dict" },)"),
             Catch::Contains("preLayerName") && Catch::Contains("the original's post"));
  CHECK_THAT(error_of(dir, R"(
  Bad = { groupType = "FeedbackConn", postLayerName = "Recon", originalConnName = "Dict" },)"),
             Catch::Contains("postLayerName") && Catch::Contains("the original's pre"));
}

TEST_CASE("PlasticCloneConn delivers like its original and adds its Hebbian terms to the original's dW",
          "[openpv_conns][plastic_clone]") {
  test::TempDir dir;
  // The clone reads the original's own layers (channel -1: it changes no layer), so every Hebbian term counts twice.
  auto plain = build(dir, "");
  auto cloned = build(dir, R"(
  Clone = { groupType = "PlasticCloneConn", preLayerName = "Code", postLayerName = "Recon", channelCode = -1,
            originalConnName = "Dict" },
  Shown = { groupType = "PlasticCloneConn", preLayerName = "Code", postLayerName = "Copied", channelCode = 0,
            originalConnName = "Dict" },)");
  plain->column->initialize();
  cloned->column->initialize();
  const std::vector<float> w0 = weights_of(*plain, "Dict");
  REQUIRE(weights_of(*cloned, "Dict") == w0);
  plain->column->advance();
  cloned->column->advance();
  // Shown's terms (Code x Copied) join too; Copied = Recon here (same weights, same pre), so dW is three times.
  const std::vector<float> w1 = weights_of(*plain, "Dict"), w3 = weights_of(*cloned, "Dict");
  double moved = 0;
  for (std::size_t i = 0; i < w0.size(); ++i) {
    REQUIRE(double(w3[i]) - w0[i] == Approx(3 * (double(w1[i]) - w0[i])).margin(1e-6));
    moved += std::fabs(w1[i] - w0[i]);
  }
  CHECK(moved > 0.01);
  const Layer &recon = cloned->get<Layer>("Recon"), &copied = cloned->get<Layer>("Copied");
  CHECK(std::memcmp(recon.V().data(), copied.V().data(), recon.V().size() * sizeof(float)) == 0);
  CHECK_THAT(error_of(dir, R"(
  Bad = { groupType = "PlasticCloneConn", preLayerName = "Recon", postLayerName = "Back",
          originalConnName = "Transpose" },)"),
             Catch::Contains("no weight updater"));
}
