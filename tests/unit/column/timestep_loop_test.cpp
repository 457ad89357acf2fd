// The phased timestep loop: what a layer sees of earlier and later phases, delays through the ring buffers,
// triggers, and independence from group order.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "core/layer.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

// An input whose frame k is the constant k + 1 everywhere (4x4x1), shown for one step each (displayPeriod 1):
// the step ending at t = n shows frame n - 1.
void write_counting_frames(const std::filesystem::path& path, int frames) {
  PvpActivityFileWriter w(path, PvpType::Dense, 4, 4, 1, 1);
  for (int k = 0; k < frames; ++k) w.write_frame(k, std::vector<float>(16, float(k + 1)));
  w.close();
}

float value_of(const test::ColumnRun& run, const std::string& layer) {
  const Layer& l = run.get<Layer>(layer);
  return l.A()[l.geometry().ext_index(1, 1, 0)];
}

std::string network(const std::string& extra) {
  return R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
local net = {
  column = { groupType = "HyPerCol", nx = 4, ny = 4, stopTime = 20 },
  Input = { groupType = "PvpLayer", nf = 1, phase = 1, inputPath = here .. "frames.pvp", displayPeriod = 1 },
  Later = { groupType = "HyPerLayer", nf = 1, phase = 2 },
  Same = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  Earlier = { groupType = "HyPerLayer", nf = 1, phase = 0 },
  Delayed2 = { groupType = "HyPerLayer", nf = 1, phase = 2 },
  InputToLater = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Later", channelCode = 0 },
  InputToSame = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Same", channelCode = 0 },
  InputToEarlier = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Earlier", channelCode = 0 },
  InputToDelayed2 = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Delayed2", channelCode = 0,
                      delay = {2} },
}
)lua" + extra + "\nreturn net\n";
}

}  // namespace

TEST_CASE("phases, delays: what each layer sees at step n", "[column]") {
  test::TempDir dir;
  write_counting_frames(dir / "frames.pvp", 30);
  test::write_file(dir / "net.lua", network(""));
  test::ColumnRun run(dir / "net.lua");
  run.column->initialize();
  for (int n = 1; n <= 8; ++n) {
    run.column->advance();
    INFO("step " << n);
    const float frame_now = float(n);  // frame n - 1 holds the value n
    CHECK(value_of(run, "Input") == frame_now);
    CHECK(value_of(run, "Later") == frame_now);  // a later phase sees this step's activity
    // Same and earlier phases see the previous step's (frame 0 is also the state at t = 0).
    CHECK(value_of(run, "Same") == std::max(1.0f, frame_now - 1));
    CHECK(value_of(run, "Earlier") == std::max(1.0f, frame_now - 1));
    // Delay 2: the activity published two updates before the latest.
    CHECK(value_of(run, "Delayed2") == std::max(1.0f, frame_now - 2));
  }
}

TEST_CASE("a triggered layer updates only when its trigger gets a new frame", "[column]") {
  test::TempDir dir;
  write_counting_frames(dir / "frames.pvp", 30);
  test::write_file(dir / "net.lua", network(R"lua(
net.Input.displayPeriod = 3
net.Triggered = { groupType = "HyPerLayer", nf = 1, phase = 2, triggerLayerName = "Input" }
net.Offset = { groupType = "HyPerLayer", nf = 1, phase = 2, triggerLayerName = "Input", triggerOffset = 1 }
net.ToTriggered = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Triggered", channelCode = 0 }
net.ToOffset = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Offset", channelCode = 0 }
)lua"));
  test::ColumnRun run(dir / "net.lua");
  run.column->initialize();
  std::vector<float> triggered, offset;
  for (int n = 1; n <= 9; ++n) {
    run.column->advance();
    triggered.push_back(value_of(run, "Triggered"));
    offset.push_back(value_of(run, "Offset"));
  }
  // The input shows frame 0 for t = 1..3, frame 1 for t = 4..6, frame 2 for t = 7..9 and fires at t = 1, 4, 7.
  CHECK(triggered == std::vector<float>{1, 1, 1, 2, 2, 2, 3, 3, 3});
  // With triggerOffset 1 the layer fires one step early, at t = 3, 6, 9, seeing the frame still shown then.
  CHECK(offset == std::vector<float>{0, 0, 1, 1, 1, 2, 2, 2, 3});
}

TEST_CASE("group order in the file does not change the schedule or the results", "[column]") {
  test::TempDir dir;
  write_counting_frames(dir / "frames.pvp", 30);
  test::write_file(dir / "a.lua", network(""));
  // The same groups as an array in reverse name order.
  test::write_file(dir / "b.lua", R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
local net = dofile(here .. "a.lua")
local groups = {}
for name, g in pairs(net) do g.name = name; groups[#groups + 1] = g end
table.sort(groups, function(x, y) return x.name > y.name end)
return groups
)lua");
  test::ColumnRun a(dir / "a.lua"), b(dir / "b.lua");
  a.column->initialize();
  b.column->initialize();
  for (int n = 1; n <= 5; ++n) {
    a.column->advance();
    b.column->advance();
    for (const char* layer : {"Input", "Later", "Same", "Earlier", "Delayed2"}) CHECK(value_of(a, layer) == value_of(b, layer));
  }
  CHECK(a.column->effective_params().groups.size() == b.column->effective_params().groups.size());
}
