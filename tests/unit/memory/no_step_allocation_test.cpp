// Issue 8: the CPU timestep loop allocates nothing on the heap in steady state. Each network runs a few warm-up
// steps (scratch buffers are sized at allocate or first use), then every further step must make zero allocations,
// probes writing their text files at every step included.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "app/default_registry.hpp"
#include "connections/hyper_conn.hpp"
#include "core/column.hpp"
#include "core/comm/communicator.hpp"
#include "core/io/pvp_format.hpp"
#include "lua/params_loader.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/memory/allocation_counter.hpp"

using namespace spv;

namespace {

constexpr int kWarmUpSteps = 3;
constexpr int kCountedSteps = 20;

// A column with outputs open in `out`, initialized; `threads` as -t gives it.
struct OutputRun {
  LocalCommunicator comm;
  Registry registry = default_registry();
  std::unique_ptr<Column> column;
  OutputRun(const std::filesystem::path& params_file, const std::filesystem::path& out, int threads) {
    ColumnOptions options;
    options.show_progress = false;
    options.output_path = out.string();
    options.threads = threads;
    column = std::make_unique<Column>(load_params_file(params_file.string()), registry, options, comm);
    column->initialize();
    column->open_outputs();
  }
};

void warm_up(Column& column) {
  for (int i = 0; i < kWarmUpSteps; ++i) column.advance();
}

// Allocations made by each of kCountedSteps further steps; all zero when the loop is allocation-free.
std::vector<long> allocations_per_step(Column& column) {
  std::vector<long> counts(kCountedSteps);  // allocated before counting starts
  for (int i = 0; i < kCountedSteps; ++i) {
    test::AllocationCount::start();
    column.advance();
    counts[std::size_t(i)] = test::AllocationCount::stop();
  }
  return counts;
}

// Lines of a probe's text file for batch element 0 in the committed output directory.
long probe_lines(const std::filesystem::path& out, const std::string& stem) {
  const std::string text = test::read_file(out / (stem + "_batchElement_0.txt"));
  return long(std::count(text.begin(), text.end(), '\n'));
}

constexpr long kSteps = kWarmUpSteps + kCountedSteps;

void require_no_allocation(const std::vector<long>& counts) {
  for (std::size_t i = 0; i < counts.size(); ++i) {
    INFO("step " << kWarmUpSteps + 1 + long(i) << " after " << kWarmUpSteps << " warm-up steps");
    REQUIRE(counts[i] == 0);
  }
}

// Random 16x16x1 frames for a small learning network.
void write_random_frames(const std::filesystem::path& path, int frames) {
  PvpActivityFileWriter w(path, PvpType::Dense, 16, 16, 1, 1);
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(0.0f, 1.0f);
  std::vector<float> frame(256);
  for (int k = 0; k < frames; ++k) {
    for (float& v : frame) v = u(rng);
    w.write_frame(k, frame);
  }
  w.close();
}

// A convolutional dictionary that learns with momentum at every step, with every probe writing at every step. Reading
// a new input frame and writing the dictionary are periodic file I/O (they open files) and stay out of the window.
const char* kLearningNetwork = R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
return {
  column = { groupType = "HyPerCol", nx = 16, ny = 16, dt = 1, stopTime = 100, randomSeed = 5 },
  Input = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = here .. "frames.pvp", displayPeriod = 100 },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  V1 = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 8, phase = 2, InitVType = "ZeroV",
         VThresh = 0.1, AMin = 0, AMax = math.huge, AShift = 0.1, VWidth = 0, timeConstantTau = 5,
         selfInteract = true, sparseLayer = true },
  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  V1ToError = { groupType = "MomentumConn", preLayerName = "V1", postLayerName = "Error", channelCode = 1,
                nxp = 6, nyp = 6, weightInitType = "UniformRandomWeight", wMinInit = 0, wMaxInit = 1,
                normalizeMethod = "normalizeL2", strength = 1, plasticityFlag = true, weightUpdatePeriod = 1,
                dWMax = 0.05, momentumMethod = "viscosity", timeConstantTau = 5, writeStep = -1 },
  ErrorToV1 = { groupType = "TransposeConn", preLayerName = "Error", postLayerName = "V1", channelCode = 0,
                originalConnName = "V1ToError" },
  EnergyProbe = { groupType = "ColumnEnergyProbe", probeOutputFile = "EnergyProbe.txt" },
  ErrorL2Probe = { groupType = "L2NormProbe", targetLayer = "Error", probeOutputFile = "ErrorL2Probe.txt",
                   energyProbe = "EnergyProbe", coefficient = 0.5, exponent = 2 },
  V1L1Probe = { groupType = "L1NormLCAProbe", targetLayer = "V1", probeOutputFile = "V1L1Probe.txt",
                energyProbe = "EnergyProbe" },
  V1L0Probe = { groupType = "L0NormProbe", targetLayer = "V1", probeOutputFile = "V1L0Probe.txt" },
  V1Stats = { groupType = "StatsProbe", targetLayer = "V1", probeOutputFile = "V1Stats.txt", message = "V1" },
  ErrorPoint = { groupType = "PointProbe", targetLayer = "Error", probeOutputFile = "ErrorPoint.txt", xLoc = 3,
                 yLoc = 5, fLoc = 0, batchLoc = 0 },
}
)lua";

}  // namespace

TEST_CASE("the allocation counter sees an allocation", "[memory]") {
  test::AllocationCount::start();
  void* volatile p = ::operator new(64);
  const long counted = test::AllocationCount::stop();
  ::operator delete(p);
  CHECK(counted == 1);
}

TEST_CASE("the LCA tutorial network allocates nothing per step", "[memory]") {
  const int threads = GENERATE(1, 2);
  INFO(threads << " threads");
  test::TempDir dir;
  OutputRun run(std::string(SPV_SOURCE_DIR) + "/lua/examples/lca_tutorial.lua", dir / "out", threads);
  warm_up(*run.column);
  require_no_allocation(allocations_per_step(*run.column));
  run.column->finish();
  // The probes did write a line at every step, after their header line.
  CHECK(probe_lines(dir / "out", "V1EnergyProbe") == 1 + kSteps);
  CHECK(probe_lines(dir / "out", "V1L0NormProbe") == 1 + kSteps);
  CHECK(probe_lines(dir / "out", "InputErrorL2NormEnergyProbe") == 1 + kSteps);
  CHECK(probe_lines(dir / "out", "AdaptiveTimeScales") == 1 + kSteps);
}

TEST_CASE("writing every layer's activity at every step allocates nothing", "[memory]") {
  test::TempDir dir;
  test::write_file(dir / "net.lua", std::string("local net = dofile(\"") + SPV_SOURCE_DIR + R"lua(/lua/examples/lca_tutorial.lua")
for _, name in ipairs({ "Input", "InputError", "V1", "InputRecon" }) do
  net[name].writeStep = 1
  net[name].initialWriteTime = 0
end
return net
)lua");
  OutputRun run(dir / "net.lua", dir / "out", 1);
  warm_up(*run.column);
  require_no_allocation(allocations_per_step(*run.column));
  run.column->finish();
  // A frame at t = 0 and one per step.
  for (const char* layer : {"Input", "InputError", "V1", "InputRecon"}) {
    INFO(layer);
    CHECK(read_pvp_header(dir / "out" / (std::string(layer) + ".pvp")).nbands == 1 + kSteps);
  }
}

TEST_CASE("a learning convolutional dictionary allocates nothing per step", "[memory]") {
  const int threads = GENERATE(1, 2);
  INFO(threads << " threads");
  test::TempDir dir;
  write_random_frames(dir / "frames.pvp", 30);
  test::write_file(dir / "net.lua", kLearningNetwork);
  OutputRun run(dir / "net.lua", dir / "out", threads);
  const auto weights = [&] {
    const auto v = dynamic_cast<const HyPerConnBase&>(*run.column->objects().find("V1ToError")).weights().values();
    return std::vector<float>(v.begin(), v.end());
  };
  warm_up(*run.column);
  const std::vector<float> before = weights();
  require_no_allocation(allocations_per_step(*run.column));
  CHECK(weights() != before);  // it did learn
  run.column->finish();
  for (const char* probe : {"ErrorL2Probe", "V1L1Probe", "V1L0Probe", "V1Stats", "ErrorPoint"}) {
    INFO(probe);
    CHECK(probe_lines(dir / "out", probe) == 1 + kSteps);
  }
  CHECK(probe_lines(dir / "out", "EnergyProbe") == 1 + kSteps);
}
