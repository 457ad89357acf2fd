// The output-safety contract as the column applies it: refused params before anything exists, a built and initialised
// column that wrote nothing, the files a run writes being exactly the ones it declared, and the dry run's report
// (sizes and the memory estimate, computed here by hand).
#include <catch2/catch.hpp>

#include <set>

#include "app/default_registry.hpp"
#include "core/build_report.hpp"
#include "core/column.hpp"
#include "lua/params_loader.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
namespace fs = std::filesystem;

namespace {

// 8x8: Input (2 features, constant) -> Output (4 features) through 1x1 weights, with two probes on Output.
std::string network(const fs::path& out, const std::string& extra) {
  return "local net = {\n"
         "  column = { groupType = 'HyPerCol', nx = 8, ny = 8, dt = 1, stopTime = 3, outputPath = '" + out.string() + "' },\n"
         "  Input = { groupType = 'ConstantLayer', nf = 2, phase = 0, InitVType = 'ConstantV', valueV = 1, writeStep = 1 },\n"
         "  Output = { groupType = 'HyPerLayer', nf = 4, phase = 1, writeStep = 1 },\n"
         "  InputToOutput = { groupType = 'HyPerConn', preLayerName = 'Input', postLayerName = 'Output',\n"
         "                    channelCode = 0, nxp = 1, nyp = 1, weightInitType = 'UniformRandomWeight',\n"
         "                    wMinInit = 0, wMaxInit = 1, normalizeMethod = 'none', writeStep = 2 },\n"
         "  OutputNorm = { groupType = 'L2NormProbe', targetLayer = 'Output', probeOutputFile = 'norm.txt' },\n"
         "  OutputNnz = { groupType = 'L0NormProbe', targetLayer = 'Output', probeOutputFile = 'nnz.txt' },\n"
         "}\n" + extra + "\nreturn net\n";
}

struct Built {
  LocalCommunicator comm;
  Registry registry = default_registry();
  std::unique_ptr<Column> column;
  Built(const test::TempDir& dir, const std::string& extra) {
    const std::string file = dir.write("net.lua", network(dir / "out", extra));
    ColumnOptions options;
    options.show_progress = false;
    column = std::make_unique<Column>(load_params_file(file), registry, options, comm);
  }
};

ParamError refusal(const test::TempDir& dir, const std::string& extra) {
  try {
    Built b(dir, extra);
  } catch (const ParamError& e) {
    return e;
  }
  FAIL("the column was built");
  throw;  // unreachable
}

std::set<std::string> files_under(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) names.insert(e.path().lexically_relative(dir).string());
  return names;
}

}  // namespace

TEST_CASE("the column refuses unsafe outputs at build, naming the file, group and keys", "[column][safety]") {
  test::TempDir dir;
  ParamError e = refusal(dir, "net.column.lastCheckpointDir = net.column.outputPath .. '/'");
  CHECK(e.group() == "column");
  CHECK(e.key() == "lastCheckpointDir");
  CHECK(e.where().file == (dir / "net.lua").string());
  CHECK_THAT(e.message(), Catch::Contains("outputPath"));

  e = refusal(dir, "net.OutputNnz.probeOutputFile = 'norm.txt'");
  CHECK((e.group() == "OutputNorm" || e.group() == "OutputNnz"));  // one is blamed, the other named in the message
  CHECK(e.key() == "probeOutputFile");
  CHECK_THAT(e.what(), Catch::Contains("OutputNorm") && Catch::Contains("OutputNnz"));

  e = refusal(dir, "net['../X'] = { groupType = 'HyPerLayer', nf = 1, phase = 1, writeStep = 1 }");
  CHECK(e.group() == "../X");

  e = refusal(dir, "net.column.printParamsFilename = 'Output.pvp'");
  CHECK_THAT(e.what(), Catch::Contains("printParamsFilename") && Catch::Contains("Output"));
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("building and initialising write nothing; a run writes exactly the declared files", "[column][safety]") {
  test::TempDir dir;
  Built b(dir, "");
  b.column->initialize();
  CHECK_FALSE(fs::exists(dir / "out"));
  b.column->open_outputs();
  b.column->run();
  b.column->finish();
  std::set<std::string> declared;
  for (const PlannedFile& f : b.column->output_plan().files) declared.insert(f.name);
  const std::set<std::string> expected{"timers.txt", "pv.params", "pv.params.lua", "Input.pvp", "Output.pvp",
                                       "InputToOutput.pvp", "norm_batchElement_0.txt", "nnz_batchElement_0.txt"};
  CHECK(declared == expected);
  std::set<std::string> written;
  for (const std::string& f : files_under(dir / "out"))
    if (f.rfind("Last/", 0) != 0) written.insert(f);
  CHECK(written == expected);
  CHECK(fs::exists(dir / "out" / "Last" / "manifest"));
}

TEST_CASE("the dry run's report: sizes, weights and the memory estimate", "[column][safety]") {
  test::TempDir dir;
  Built b(dir, "");
  b.column->initialize();
  // By hand: Input 8x8x2 = 128 neurons (V, A, two GSyn channels: 4 x 128 floats), Output 8x8x4 = 256 neurons
  // (4 x 256 floats), no halo (1x1 patch between equal sizes), no delays; weights 1 arbor x 2 kernels x 1x1x4.
  const MemoryEstimate m = estimate_memory(*b.column);
  CHECK(m.layer_bytes == (4 * 128 + 4 * 256) * 4);
  CHECK(m.weight_bytes == 8 * 4);
  const std::string report = build_report(*b.column);
  CHECK_THAT(report, Catch::Contains("Input   ConstantLayer  8 x 8 x 2, batch 1"));
  CHECK_THAT(report, Catch::Contains("Output  HyPerLayer     8 x 8 x 4, batch 1"));
  CHECK_THAT(report, Catch::Contains("Input -> Output, patch 1 x 1 x 4, 8 weights"));
  CHECK_THAT(report, Catch::Contains("layer Output; nnz_batchElement_0.txt"));
  CHECK_THAT(report, Catch::Contains("memory: 0.01 MiB (6176 bytes: layer buffers 6144, weights 32)"));
  CHECK_FALSE(fs::exists(dir / "out"));
}
