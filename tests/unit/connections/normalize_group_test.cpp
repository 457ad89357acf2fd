// normalizeGroup (OpenPV's group normalisation, used by linked dictionaries): the head scales each kernel index over
// its own and every member's weights together, at initialisation and after a step's updates of any of them, and
// every misconfiguration is refused naming the group and key.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "connections/hyper_conn.hpp"
#include "connections/normalize_weights.hpp"
#include "core/errors.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

// One code layer (6 features) linked to two reconstructions; dictionaries named so that one member sorts before the
// head and one after (connections update in name order).
const char* const kLayers = R"(
  column = { groupType = "HyPerCol", nx = 16, ny = 16, dt = 1, stopTime = 4, randomSeed = 99 },
  Code = { groupType = "ConstantLayer", nxScale = 0.5, nyScale = 0.5, nf = 6, InitVType = "UniformRandomV",
           minV = 0, maxV = 1 },
  ReconA = { groupType = "HyPerLayer", nf = 3, phase = 1 },
  ReconB = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  ReconC = { groupType = "HyPerLayer", nf = 2, phase = 1 },
)";

std::string dictionary(const std::string& name, const std::string& post, int patch, const std::string& normalize,
                       const std::string& extra = "") {
  return "  " + name + " = { groupType = \"HyPerConn\", preLayerName = \"Code\", postLayerName = \"" + post +
         "\", channelCode = 0, nxp = " + std::to_string(patch) + ", nyp = " + std::to_string(patch) +
         ", weightInitType = \"UniformRandomWeight\", wMinInit = -1, wMaxInit = 1, " + normalize + extra + " },\n";
}

const std::string kPlastic = ", plasticityFlag = true, weightUpdatePeriod = 1, dWMax = 0.25";

std::string group(const std::string& head_normalize, const std::string& extra = "") {
  const std::string member = "normalizeMethod = \"normalizeGroup\", normalizeGroupName = \"Head\"";
  return std::string(kLayers) + dictionary("Early", "ReconB", 4, member, extra) +
         dictionary("Head", "ReconA", 8, head_normalize, extra) + dictionary("Late", "ReconC", 6, member, extra);
}

std::unique_ptr<test::ColumnRun> build(const test::TempDir& dir, const std::string& groups) {
  test::write_file(dir / "net.lua", "return {\n" + groups + "}\n");
  auto run = std::make_unique<test::ColumnRun>(dir / "net.lua");
  run->column->initialize();
  return run;
}

std::vector<float> copy(const WeightStore& w) { return {w.values().begin(), w.values().end()}; }

// The group L2 normalisation computed here from the stores' values: each kernel scaled by 1 / (its norm over all
// three stores), accumulated in double as the normaliser documents.
std::vector<std::vector<float>> normalised(std::vector<std::vector<float>> w, const std::vector<int>& patch) {
  const int kernels = 6;
  for (int k = 0; k < kernels; ++k) {
    double sumsq = 0;
    for (std::size_t s = 0; s < w.size(); ++s)
      for (int i = 0; i < patch[s]; ++i) {
        const double v = w[s][std::size_t(k * patch[s] + i)];
        sumsq += v * v;
      }
    const float factor = float(1.0 / std::sqrt(sumsq));
    for (std::size_t s = 0; s < w.size(); ++s)
      for (int i = 0; i < patch[s]; ++i) w[s][std::size_t(k * patch[s] + i)] *= factor;
  }
  return w;
}

const std::vector<int> kPatch = {4 * 4 * 1, 8 * 8 * 3, 6 * 6 * 2};  // Early, Head, Late

std::vector<std::vector<float>> weights_of(const test::ColumnRun& run) {
  return {copy(run.get<HyPerConnBase>("Early").weights()), copy(run.get<HyPerConnBase>("Head").weights()),
          copy(run.get<HyPerConnBase>("Late").weights())};
}

std::string error_of(const std::string& groups) {
  test::TempDir dir;
  try {
    build(dir, groups);
  } catch (const ParamError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("normalizeGroup scales each kernel over the head and all members at initialisation",
          "[connections][normalize]") {
  test::TempDir plain_dir, group_dir;
  // The same random weights (they depend on the seed and the connection name only), left unnormalised.
  const std::string none = "normalizeMethod = \"none\"";
  auto plain = build(plain_dir, std::string(kLayers) + dictionary("Early", "ReconB", 4, none) +
                                    dictionary("Head", "ReconA", 8, none) + dictionary("Late", "ReconC", 6, none));
  auto grouped = build(group_dir, group("normalizeMethod = \"normalizeL2\", strength = 1"));
  const auto expected = normalised(weights_of(*plain), kPatch);
  const auto got = weights_of(*grouped);
  for (std::size_t s = 0; s < got.size(); ++s) REQUIRE(got[s] == expected[s]);
  // Each kernel's norm is 1 over the group, not within a member.
  double early_sumsq = 0;
  for (int i = 0; i < kPatch[0]; ++i) early_sumsq += double(got[0][std::size_t(i)]) * got[0][std::size_t(i)];
  CHECK(early_sumsq < 0.5);
}

TEST_CASE("normalizeGroup normalises after every member's update of the step", "[connections][normalize]") {
  test::TempDir off_dir, on_dir;
  // The head's normalizeOnWeightUpdate governs the group: off, the updated weights stay as learned.
  auto off = build(off_dir, group("normalizeMethod = \"normalizeL2\", normalizeOnWeightUpdate = false", kPlastic));
  auto on = build(on_dir, group("normalizeMethod = \"normalizeL2\"", kPlastic));
  const auto initial = weights_of(*off);
  REQUIRE(initial == weights_of(*on));
  off->column->advance();
  on->column->advance();
  const auto learned = weights_of(*off);
  for (std::size_t s = 0; s < learned.size(); ++s) REQUIRE(learned[s] != initial[s]);
  // On, the result is the group normalisation of all three learned stores: a member updated after the head (Late)
  // is included, so the normalisation waits for the step's last update.
  const auto got = weights_of(*on);
  const auto expected = normalised(learned, kPatch);
  for (std::size_t s = 0; s < got.size(); ++s) REQUIRE(got[s] == expected[s]);
}

TEST_CASE("normalizeGroup misconfigurations are refused naming the group and key", "[connections][normalize]") {
  const std::string head = "normalizeMethod = \"normalizeL2\"";
  CHECK_THAT(error_of(std::string(kLayers) + dictionary("Head", "ReconA", 8, head) +
                      dictionary("Late", "ReconC", 6, "normalizeMethod = \"normalizeGroup\"")),
             Catch::Contains("Late") && Catch::Contains("normalizeGroupName") && Catch::Contains("required"));
  CHECK_THAT(error_of(std::string(kLayers) + dictionary("Head", "ReconA", 8, head + ", normalizeGroupName = \"X\"")),
             Catch::Contains("Head") && Catch::Contains("normalizeGroupName") && Catch::Contains("only used"));
  const std::string to = "normalizeMethod = \"normalizeGroup\", normalizeGroupName = ";
  CHECK_THAT(error_of(std::string(kLayers) + dictionary("Late", "ReconC", 6, to + "\"ReconA\"")),
             Catch::Contains("Late") && Catch::Contains("normalizeGroupName") && Catch::Contains("ReconA"));
  CHECK_THAT(error_of(std::string(kLayers) + dictionary("Late", "ReconC", 6, to + "\"Late\"")),
             Catch::Contains("Late") && Catch::Contains("normalizeGroupName") && Catch::Contains("names this"));
  CHECK_THAT(error_of(std::string(kLayers) + dictionary("Head", "ReconA", 8, head) +
                      dictionary("Late", "ReconC", 6, to + "\"Head\"") +
                      dictionary("Later", "ReconB", 4, to + "\"Late\"")),
             Catch::Contains("Later") && Catch::Contains("itself in a group"));
  // A member whose kernels differ from the head's (another pre layer) cannot be normalised per kernel with it.
  CHECK_THAT(error_of(std::string(kLayers) + dictionary("Head", "ReconA", 8, head) +
                      "  Other = { groupType = \"HyPerConn\", preLayerName = \"ReconB\", postLayerName = \"ReconC\", "
                      "channelCode = 0, nxp = 1, nyp = 1, weightInitType = \"UniformRandomWeight\", " +
                      to + "\"Head\" },\n"),
             Catch::Contains("Other") && Catch::Contains("normalizeGroupName") && Catch::Contains("must match"));
}
