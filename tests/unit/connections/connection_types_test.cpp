// The connection types in a column: HyPerConn delivers the convolution of its initialised, normalised weights;
// TransposeConn is its adjoint; CloneConn repeats it; RescaleConn and IdentConn copy; channel -1 delivers nothing;
// OpenPV's tutorial connection groups load; and every misfit is refused with the names needed to fix it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>

#include "connections/hyper_conn.hpp"
#include "connections/momentum_conn.hpp"
#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "lua/params_loader.hpp"
#include "tests/support/column_fixture.hpp"
#include "tests/unit/connections/conv_reference.hpp"

using namespace spv;

namespace {

const char* const kColumn = R"(
  column = { groupType = "HyPerCol", nx = 16, ny = 16, dt = 1, stopTime = 1, randomSeed = 1234 },
  Code = { groupType = "ConstantLayer", nxScale = 0.5, nyScale = 0.5, nf = 6, InitVType = "UniformRandomV",
           minV = -1, maxV = 1 },
  Recon = { groupType = "HyPerLayer", nf = 3, phase = 1 },
)";

const char* const kDictionary = R"(
  Dict = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0,
           nxp = 8, nyp = 8, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
           sparseFraction = 0.5, normalizeMethod = "normalizeL2", strength = 1 },
)";

std::unique_ptr<test::ColumnRun> build(const test::TempDir& dir, const std::string& groups) {
  test::write_file(dir / "net.lua", "return {\n" + std::string(kColumn) + groups + "}\n");
  return std::make_unique<test::ColumnRun>(dir / "net.lua");
}

// The restricted activity or V of a layer as a [y][x][f] vector.
std::vector<float> activity(const Layer& l) {
  const LayerGeometry& g = l.geometry();
  std::vector<float> out(g.neurons());
  for (int y = 0; y < g.ny; ++y)
    for (int x = 0; x < g.nx; ++x)
      for (int f = 0; f < g.nf; ++f) out[g.index(x, y, f)] = l.A()[g.ext_index(x, y, f)];
  return out;
}

std::vector<float> v_of(const Layer& l) { return {l.V().begin(), l.V().end()}; }

template <class E>
std::string error_of(const test::TempDir& dir, const std::string& groups) {
  try {
    auto run = build(dir, groups);
    run->column->initialize();
  } catch (const E& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a column delivers HyPerConn, TransposeConn, CloneConn, RescaleConn; channel -1 delivers nothing",
          "[connections][column]") {
  test::TempDir dir;
  auto run = build(dir, std::string(kDictionary) + R"(
  Back = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 6, phase = 2 },
  Clone = { groupType = "HyPerLayer", nf = 3, phase = 1 },
  Copy = { groupType = "HyPerLayer", nf = 3, phase = 2 },
  DictT = { groupType = "TransposeConn", preLayerName = "Recon", postLayerName = "Back", channelCode = 0,
            originalConnName = "Dict", updateGSynFromPostPerspective = true },
  DictClone = { groupType = "CloneConn", preLayerName = "Code", postLayerName = "Clone", channelCode = 0,
                originalConnName = "Dict" },
  Silent = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Clone", channelCode = -1,
             nxp = 4, nyp = 4, weightInitType = "GaussianRandomWeight", normalizeMethod = "none" },
  ReconCopy = { groupType = "RescaleConn", preLayerName = "Recon", postLayerName = "Copy", channelCode = 1,
                scale = 0.5 },
)");
  const Layer& code = run->get<Layer>("Code");
  const Layer& recon = run->get<Layer>("Recon");
  CHECK(code.geometry().halo == Halo{2, 2, 2, 2});   // patch 8 at stride 2 reaches two code neurons out
  CHECK(recon.geometry().halo == Halo{3, 3, 3, 3});  // its transpose: patch 4 over 2x2 cells
  run->column->initialize();
  run->column->advance();

  const HyPerConnBase& dict = run->get<HyPerConnBase>("Dict");
  const WeightStore& w = dict.weights();
  REQUIRE(w.kernels() == 6);
  REQUIRE(w.patch_size() == 8 * 8 * 3);
  for (int k = 0; k < 6; ++k) {
    double s = 0;
    for (float v : w.kernel(0, k)) s += double(v) * v;
    CHECK(std::sqrt(s) == Approx(1.0).epsilon(1e-6));
  }

  // Recon = W a against the brute-force convolution.
  const std::vector<float> a = activity(code), r = v_of(recon);
  const LayerGeometry& cg = code.geometry();
  const test::RefConv ref{8, 8, 6, 16, 16, 3, 8, 8};
  std::vector<double> expected, abs_sum;
  test::reference_conv(
      ref,
      [&](int x, int y, int f) {
        return x < 0 || y < 0 || x >= 8 || y >= 8 ? 0.0f : a[cg.index(x, y, f)];  // valueBC = 0 beyond the edge
      },
      {w.values().begin(), w.values().end()}, 2, expected, abs_sum);
  for (std::size_t i = 0; i < r.size(); ++i) REQUIRE(std::fabs(r[i] - expected[i]) <= 1e-5 * abs_sum[i] + 1e-7);

  // The clone delivers the same weights the same way; the channel -1 connection adds nothing.
  const std::vector<float> c = v_of(run->get<Layer>("Clone"));
  CHECK(std::memcmp(c.data(), r.data(), r.size() * sizeof(float)) == 0);

  // Back = W^T W a, so <Back, a> = ||W a||^2.
  const std::vector<float> back = v_of(run->get<Layer>("Back"));
  double lhs = 0, rhs = 0, scale = 0;
  for (std::size_t i = 0; i < back.size(); ++i) {
    lhs += double(back[i]) * a[i];
    scale += std::fabs(double(back[i]) * a[i]);
  }
  for (float v : r) rhs += double(v) * v;
  CHECK(std::fabs(lhs - rhs) <= 1e-5 * scale);

  // RescaleConn into the inhibitory channel: Copy = 0 - 0.5 Recon, exactly.
  const std::vector<float> copy = v_of(run->get<Layer>("Copy"));
  for (std::size_t i = 0; i < copy.size(); ++i) REQUIRE(copy[i] == -0.5f * r[i]);
}

TEST_CASE("each arbor delivers its own weights with its own delay", "[connections][column]") {
  test::TempDir dir;
  test::write_file(dir / "arbors.lua", R"(
return {
  column = { groupType = "HyPerCol", nx = 4, ny = 4, dt = 1, stopTime = 2 },
  Source = { groupType = "ConstantLayer", nf = 2, InitVType = "UniformRandomV", minV = 1, maxV = 2 },
  Pre = { groupType = "HyPerLayer", nf = 2, phase = 0 },
  Post = { groupType = "HyPerLayer", nf = 2, phase = 1 },
  Feed = { groupType = "IdentConn", preLayerName = "Source", postLayerName = "Pre", channelCode = 0 },
  Two = { groupType = "HyPerConn", preLayerName = "Pre", postLayerName = "Post", channelCode = 0,
          numAxonalArbors = 2, delay = {0, 1}, nxp = 1, nyp = 1, weightInitType = "OneToOneWeights",
          weightInit = 0.5, normalizeMethod = "none" },
}
)");
  test::ColumnRun run(dir / "arbors.lua");
  run.column->initialize();
  const std::vector<float> source = activity(run.get<Layer>("Source"));
  // Step 1: Pre becomes Source; arbor 0 sees it now, arbor 1 sees Pre's initial zero.
  run.column->advance();
  std::vector<float> post = v_of(run.get<Layer>("Post"));
  for (std::size_t i = 0; i < post.size(); ++i) REQUIRE(post[i] == 0.5f * source[i]);
  // Step 2: both arbors see Source.
  run.column->advance();
  post = v_of(run.get<Layer>("Post"));
  for (std::size_t i = 0; i < post.size(); ++i) REQUIRE(post[i] == 0.5f * source[i] + 0.5f * source[i]);
}

namespace {

// The column of kColumn with randomSeed = `seed` (the file's key) and, when given, the command line's -s (which
// overrides the key), with `groups` added.
struct SeededRun {
  LocalCommunicator comm;
  Registry registry = default_registry();
  std::unique_ptr<Column> column;
  SeededRun(const test::TempDir& dir, const std::string& seed, std::optional<std::uint64_t> option,
            const std::string& groups) {
    std::string text = "return {\n" + std::string(kColumn) + groups + "}\n";
    const std::string key = "randomSeed = 1234";
    text.replace(text.find(key), key.size(), "randomSeed = " + seed);
    test::write_file(dir / "net.lua", text);
    ColumnOptions options;
    options.show_progress = false;
    options.seed = option;
    column = std::make_unique<Column>(load_params_file((dir / "net.lua").string()), registry, options, comm);
    column->initialize();
  }
  std::vector<float> weights(const std::string& conn) const {
    const WeightStore& w = dynamic_cast<const HyPerConnBase&>(*column->objects().find(conn)).weights();
    return {w.values().begin(), w.values().end()};
  }
};

// How many of two equally long weight vectors' entries differ.
std::size_t differing(const std::vector<float>& a, const std::vector<float>& b) {
  REQUIRE(a.size() == b.size());
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.size(); ++i) n += a[i] != b[i];
  return n;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("random weights depend on the seed and the connection name only", "[connections][column]") {
  test::TempDir d1, d2, d3, d4, d5, d6, d7;
  const SeededRun base(d1, "1234", std::nullopt, kDictionary);
  const std::vector<float> w = base.weights("Dict");
  // Dict: 6 kernels of 8x8x3, sparseFraction 0.5: about half of the 1152 weights are non-zero.
  REQUIRE(w.size() == 6u * 8 * 8 * 3);
  const std::size_t nonzero = w.size() - std::size_t(std::count(w.begin(), w.end(), 0.0f));
  REQUIRE(nonzero > w.size() / 4);

  SECTION("the same seed gives the same weights, bit for bit") {
    CHECK(same_bits(SeededRun(d2, "1234", std::nullopt, kDictionary).weights("Dict"), w));
  }
  SECTION("another randomSeed gives other weights") {
    const std::vector<float> other = SeededRun(d2, "4321", std::nullopt, kDictionary).weights("Dict");
    // Independent draws: almost every weight that is non-zero in either differs (sparseFraction zeros coincide
    // about a quarter of the time).
    CHECK(differing(w, other) > w.size() / 2);
  }
  SECTION("-s overrides randomSeed: the weights of -s 4321 are those of randomSeed 4321, whatever the file says") {
    const std::vector<float> file_4321 = SeededRun(d2, "4321", std::nullopt, kDictionary).weights("Dict");
    const std::vector<float> option_4321 = SeededRun(d3, "1234", std::uint64_t(4321), kDictionary).weights("Dict");
    const std::vector<float> option_1234 = SeededRun(d4, "777", std::uint64_t(1234), kDictionary).weights("Dict");
    CHECK(same_bits(option_4321, file_4321));
    CHECK(differing(option_4321, w) > w.size() / 2);
    CHECK(same_bits(option_1234, w));
  }
  SECTION("the connection's name is part of its stream; other objects are not") {
    std::string renamed = kDictionary;
    renamed.replace(renamed.find("Dict"), 4, "Other");
    const SeededRun other(d5, "1234", std::nullopt, renamed);
    CHECK(differing(other.weights("Other"), w) > w.size() / 2);
    // Another random connection, named to come first in every order, leaves Dict's weights as they were.
    std::string extra = kDictionary;
    extra.replace(extra.find("Dict"), 4, "ADict");
    const SeededRun both(d6, "1234", std::nullopt, extra + kDictionary);
    CHECK(same_bits(both.weights("Dict"), w));
    CHECK(same_bits(both.weights("ADict"), SeededRun(d7, "1234", std::nullopt, extra).weights("ADict")));
  }
}

TEST_CASE("FileWeight reads a weight file written with write_shared_weights", "[connections][column]") {
  test::TempDir dir;
  SharedWeights file;
  file.nxp = file.nyp = 8;
  file.nfp = 3;
  file.nf_kernel = 6;
  file.values.resize(6 * 8 * 8 * 3);
  for (std::size_t i = 0; i < file.values.size(); ++i) file.values[i] = test::test_value(51, i);
  write_shared_weights(dir / "dict.pvp", file, false);
  const std::string groups = R"(
  Dict = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0,
           nxp = 8, nyp = 8, weightInitType = "FileWeight", initWeightsFile = ")" +
                             (dir / "dict.pvp").string() + R"(", normalizeMethod = "none" },
)";
  auto run = build(dir, groups);
  run->column->initialize();
  const WeightStore& w = run->get<HyPerConnBase>("Dict").weights();
  REQUIRE(w.values().size() == file.values.size());
  CHECK(std::memcmp(w.values().data(), file.values.data(), file.values.size() * sizeof(float)) == 0);

  // As in OpenPV, a file given to another initialiser is read instead of computing that initialiser's weights.
  std::string random = groups;
  random.replace(random.find("\"FileWeight\""), 12, "\"UniformRandomWeight\"");
  auto run_random = build(dir, random);
  run_random->column->initialize();
  const WeightStore& wr = run_random->get<HyPerConnBase>("Dict").weights();
  REQUIRE(wr.values().size() == file.values.size());
  CHECK(std::memcmp(wr.values().data(), file.values.data(), file.values.size() * sizeof(float)) == 0);

  // A file of another shape is refused, naming the file and both shapes.
  file.nxp = file.nyp = 6;
  file.values.resize(6 * 6 * 6 * 3);
  write_shared_weights(dir / "small.pvp", file, false);
  std::string small = groups;
  small.replace(small.find("dict.pvp"), 8, "small.pvp");
  const std::string message = error_of<ParamError>(dir, small);
  CHECK_THAT(message, Catch::Contains("small.pvp") && Catch::Contains("6x6x3 patches") &&
                          Catch::Contains("8x8x3 patches") && Catch::Contains("initWeightsFile"));
}

TEST_CASE("weights are written to <name>.pvp every writeStep; writeStep infinity writes once",
          "[connections][column]") {
  test::TempDir dir;
  test::write_file(dir / "out.lua", R"(
return {
  column = { groupType = "HyPerCol", nx = 16, ny = 16, dt = 1, stopTime = 2, outputPath = ")" +
                                        (dir / "out").string() + R"(" },
  Code = { groupType = "ConstantLayer", nxScale = 0.5, nyScale = 0.5, nf = 2 },
  Recon = { groupType = "HyPerLayer", nf = 3, phase = 1 },
  Dict = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0, nxp = 4, nyp = 4,
           weightInitType = "GaussianRandomWeight", normalizeMethod = "none", writeStep = 1, initialWriteTime = 0 },
  Once = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = -1, nxp = 2,
           nyp = 2, weightInitType = "IdentWeight", normalizeMethod = "none", writeStep = math.huge },
  Back = { groupType = "TransposeConn", preLayerName = "Recon", postLayerName = "Code", channelCode = -1,
           originalConnName = "Dict", writeStep = 2, initialWriteTime = 1 },
  Never = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = -1, nxp = 2,
            nyp = 2, weightInitType = "IdentWeight", normalizeMethod = "none" },
}
)");
  test::ColumnRun run(dir / "out.lua");
  run.column->initialize();
  run.column->open_outputs();
  run.column->run();
  run.column->finish();
  const WeightStore& w = run.get<HyPerConnBase>("Dict").weights();
  REQUIRE(count_weight_frames(dir / "out" / "Dict.pvp") == 3);  // t = 0, 1, 2
  const SharedWeights last = read_shared_weights(dir / "out" / "Dict.pvp", 2);
  CHECK(last.time == 2.0);
  CHECK(last.nxp == 4);
  CHECK(last.nf_kernel == 2);
  REQUIRE(last.values.size() == w.values().size());
  CHECK(std::memcmp(last.values.data(), w.values().data(), w.values().size() * sizeof(float)) == 0);
  CHECK(count_weight_frames(dir / "out" / "Once.pvp") == 1);
  // The transpose writes its own (transposed) kernels: a 2x2 kernel grid of the 3 Recon features, patch 2x2x2.
  REQUIRE(count_weight_frames(dir / "out" / "Back.pvp") == 1);  // t = 1 only (next would be 3)
  const SharedWeights back = read_shared_weights(dir / "out" / "Back.pvp", 0);
  CHECK(back.time == 1.0);
  CHECK(back.nx_kernel == 2);
  CHECK(back.ny_kernel == 2);
  CHECK(back.nf_kernel == 3);
  CHECK(back.nxp == 2);
  CHECK(back.nfp == 2);
  CHECK_FALSE(std::filesystem::exists(dir / "out" / "Never.pvp"));
}

TEST_CASE("OpenPV's LCA tutorial connection groups load", "[connections][column]") {
  // The connection groups of tutorials/LCA-CIFAR/input/LCA_CIFAR.lua (receiveGpu off: no GPU here), with small layers.
  test::TempDir dir;
  test::write_file(dir / "tutorial.lua", R"(
local patchSize, stride, dWMax, weightInit = 8, 2, 1.0, 1.0
return {
  column = { groupType = "HyPerCol", nx = 16, ny = 16, dt = 1, stopTime = 2, randomSeed = 1234567890 },
  Input = { groupType = "ConstantLayer", nf = 3, InitVType = "UniformRandomV" },
  InputError = { groupType = "HyPerLayer", nf = 3, phase = 1 },
  LeakyIntegrator = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 16, phase = 2,
                      VThresh = 0.55, AMin = 0, AShift = 0.55, timeConstantTau = 100, selfInteract = true },
  InputRecon = { groupType = "HyPerLayer", nf = 3, phase = 3 },
  InputToError = { groupType = "RescaleConn"; preLayerName = "Input"; postLayerName = "InputError";
                   channelCode = 0; delay = {0.000000}; scale = weightInit; },
  ErrorToLeakyIntegrator = { groupType = "TransposeConn"; preLayerName = "InputError";
      postLayerName = "LeakyIntegrator"; channelCode = 0; delay = {0.000000}; receiveGpu = false;
      updateGSynFromPostPerspective = true; pvpatchAccumulateType = "convolve"; writeStep = -1;
      originalConnName = "LeakyIntegratorToInputError"; },
  LeakyIntegratorToInputError = { groupType = "MomentumConn"; preLayerName = "LeakyIntegrator";
      postLayerName = "InputError"; channelCode = -1; delay = {0.000000}; numAxonalArbors = 1;
      plasticityFlag = true; receiveGpu = false; sharedWeights = true; weightInitType = "UniformRandomWeight";
      wMinInit = -1; wMaxInit = 1; sparseFraction = 0.9; minNNZ = 0; initializeFromCheckpointFlag = false;
      triggerLayerName = "Input"; triggerOffset = 1; immediateWeightUpdate = true;
      updateGSynFromPostPerspective = false; pvpatchAccumulateType = "convolve"; writeStep = math.huge;
      initialWriteTime = 0; writeCompressedWeights = false; writeCompressedCheckpoints = false;
      combine_dW_with_W_flag = false; nxp = patchSize; nyp = patchSize; normalizeMethod = "normalizeL2";
      strength = 1; normalizeArborsIndividually = false; normalizeOnInitialize = true;
      normalizeOnWeightUpdate = true; rMinX = 0; rMinY = 0; nonnegativeConstraintFlag = false;
      normalize_cutoff = 0; normalizeFromPostPerspective = false; minL2NormTolerated = 0; dWMax = dWMax;
      timeConstantTau = 5.0; momentumMethod = "viscosity"; momentumDecay = 0; },
  LeakyIntegratorToRecon = { groupType = "CloneConn"; preLayerName = "LeakyIntegrator";
      postLayerName = "InputRecon"; channelCode = 0; delay = {0.000000}; receiveGpu = false;
      updateGSynFromPostPerspective = false; pvpatchAccumulateType = "convolve";
      originalConnName = "LeakyIntegratorToInputError"; },
  ReconToError = { groupType = "IdentConn"; preLayerName = "InputRecon"; postLayerName = "InputError";
                   channelCode = 1; delay = {0.000000}; initWeightsFile = nil; },
}
)");
  test::ColumnRun run(dir / "tutorial.lua");
  run.column->initialize();
  const auto& conn = run.get<MomentumConn>("LeakyIntegratorToInputError");
  CHECK(conn.plastic());
  CHECK(conn.momentum_params().timeConstantTau == 5.0);
  CHECK(conn.weights().kernels() == 16);
}

TEST_CASE("misfits are refused with the names and sizes needed to fix them", "[connections][column]") {
  test::TempDir dir;
  const std::string dict_with = R"(
  Dict = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0,
           weightInitType = "UniformRandomWeight", normalizeMethod = "normalizeL2", )";

  SECTION("a patch that is not a multiple of the stride") {
    const std::string m = error_of<GeometryError>(dir, dict_with + "nxp = 7, nyp = 8 },\n");
    CHECK_THAT(m, Catch::Contains("\"Dict\"") && Catch::Contains("\"Code\" (nx 8, ny 8, nf 6)") &&
                      Catch::Contains("\"Recon\" (nx 16, ny 16, nf 3)") && Catch::Contains("multiple of 2") &&
                      Catch::Contains("try 8"));
  }
  SECTION("nfp other than the post layer's nf") {
    const std::string m = error_of<GeometryError>(dir, dict_with + "nxp = 8, nyp = 8, nfp = 4 },\n");
    CHECK_THAT(m, Catch::Contains("nfp 4") && Catch::Contains("nf (3)"));
  }
  SECTION("an IdentConn between layers of different sizes") {
    const std::string m = error_of<GeometryError>(
        dir, R"(Id = { groupType = "IdentConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0 },)");
    CHECK_THAT(m, Catch::Contains("\"Id\"") && Catch::Contains("\"Code\" (nx 8, ny 8, nf 6)") &&
                      Catch::Contains("\"Recon\" (nx 16, ny 16, nf 3)"));
  }
  SECTION("a TransposeConn whose layers do not swap the original's") {
    const std::string m = error_of<GeometryError>(dir, std::string(kDictionary) + R"(
  T = { groupType = "TransposeConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0,
        originalConnName = "Dict" },)");
    CHECK_THAT(m, Catch::Contains("\"T\"") && Catch::Contains("transpose of \"Dict\"") &&
                      Catch::Contains("\"Recon\" (nx 16, ny 16, nf 3)"));
  }
  SECTION("non-shared weights normalised from the post perspective") {
    const std::string m = error_of<ParamError>(
        dir, dict_with + "nxp = 8, nyp = 8, sharedWeights = false, normalizeFromPostPerspective = true },\n");
    CHECK_THAT(m, Catch::Contains("normalizeFromPostPerspective") && Catch::Contains("shared weights"));
  }
  SECTION("pooling accumulation") {
    const std::string m =
        error_of<ParamError>(dir, dict_with + "nxp = 8, nyp = 8, pvpatchAccumulateType = \"maxpooling\" },\n");
    CHECK_THAT(m, Catch::Contains("pvpatchAccumulateType") && Catch::Contains("not supported yet"));
  }
  SECTION("a normalisation OpenPV has and sparsepv does not yet") {
    const std::string m = error_of<ParamError>(dir, R"(
  Dict = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0,
           nxp = 8, nyp = 8, weightInitType = "UniformRandomWeight", normalizeMethod = "normalizeContrastZeroMean" },)");
    CHECK_THAT(m, Catch::Contains("normalizeMethod") && Catch::Contains("not supported yet"));
  }
  SECTION("learning without a rate") {
    const std::string m =
        error_of<ParamError>(dir, dict_with + "nxp = 8, nyp = 8, plasticityFlag = true, weightUpdatePeriod = 1 },\n");
    CHECK_THAT(m, Catch::Contains("dWMax") && Catch::Contains("required"));
  }
  SECTION("learning with both a trigger and a period") {
    const std::string m = error_of<ParamError>(
        dir, dict_with +
                 "nxp = 8, nyp = 8, plasticityFlag = true, dWMax = 1, triggerLayerName = \"Code\", "
                 "weightUpdatePeriod = 1 },\n");
    CHECK_THAT(m, Catch::Contains("weightUpdatePeriod") && Catch::Contains("triggerLayerName"));
  }
  SECTION("an unknown momentum method") {
    const std::string m = error_of<ParamError>(
        dir, R"(
  Dict = { groupType = "MomentumConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0,
           nxp = 8, nyp = 8, weightInitType = "UniformRandomWeight", normalizeMethod = "none",
           momentumMethod = "nesterov" },)");
    CHECK_THAT(m, Catch::Contains("momentumMethod") && Catch::Contains("viscosity"));
  }
}
