#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "input_fixtures.hpp"

using namespace spv;
using namespace spv::test;

namespace {

constexpr int nx = 2, ny = 2, nf = 1;

// A dense PVP file of `frames` frames of nx x ny x nf; frame k holds base + k at every neuron.
void write_constant_frames(const std::filesystem::path& path, float base, int frames, int width = nx) {
  PvpActivityFileWriter writer(path, PvpType::Dense, width, ny, nf, 1);
  for (int k = 0; k < frames; ++k)
    writer.write_frame(double(k), std::vector<float>(std::size_t(width) * ny * nf, base + float(k)));
  writer.close();
}

std::vector<float> filled(float v) { return std::vector<float>(nx * ny * nf, v); }

}  // namespace

TEST_CASE("PvpListLayer shows frame 0 of each listed file, one per displayPeriod, skipping comments", "[pvp][list]") {
  TempDir dir;
  write_constant_frames(dir / "a.pvp", 10, 3);
  std::filesystem::create_directories(dir / "sub");
  write_constant_frames(dir / "sub" / "b.pvp", 20, 2);
  write_constant_frames(dir / "c.pvp", 30, 1);
  write_file(dir / "list.txt", "  a.pvp  \n// a comment\n\n# another\nsub/b.pvp\nc.pvp\n");
  InputRig rig(nx, ny);
  auto& layer = rig.build(
      "PvpListLayer",
      group_of({{"nf", num(nf)}, {"inputPath", str((dir / "list.txt").string())}, {"displayPeriod", num(1)}}));
  CHECK(layer.entry_count() == 3);
  CHECK(rig.activity() == filled(10));  // frame 0 of each file, never its later frames
  const float expected[] = {10, 20, 30, 10, 20};
  for (long t = 1; t <= 5; ++t) {
    rig.step_to(t);
    INFO("t = " << t);
    CHECK(rig.activity() == filled(expected[t - 1]));
  }
  const auto names = layer.entry_names();
  REQUIRE(names.size() == 3);
  CHECK(names[1] == (dir / "sub" / "b.pvp").string());
}

TEST_CASE("PvpListLayer checks every listed file before the run", "[pvp][list][errors]") {
  TempDir dir;
  write_constant_frames(dir / "a.pvp", 1, 1);
  SECTION("a file of another size names the file and both sizes") {
    write_constant_frames(dir / "wide.pvp", 1, 1, 3);
    write_file(dir / "list.txt", "a.pvp\nwide.pvp\n");
    InputRig rig(nx, ny);
    auto text = error_text<GeometryError>([&] {
      rig.build("PvpListLayer", group_of({{"inputPath", str((dir / "list.txt").string())}}));
    });
    CHECK_THAT(text, Catch::Contains((dir / "wide.pvp").string()) && Catch::Contains("2x2x1") &&
                         Catch::Contains("3x2x1") && Catch::Contains("\"Input\""));
  }
  SECTION("a missing file names its line") {
    write_file(dir / "list.txt", "a.pvp\n\nabsent.pvp\n");
    InputRig rig(nx, ny);
    auto text = error_text<IoError>([&] {
      rig.build("PvpListLayer", group_of({{"inputPath", str((dir / "list.txt").string())}}));
    });
    CHECK_THAT(text, Catch::Contains("absent.pvp") && Catch::Contains("line 3") && Catch::Contains("list.txt"));
  }
  SECTION("a weight file is not an activity file") {
    SharedWeights w;
    w.nxp = w.nyp = w.nfp = 1;
    w.nf_kernel = 1;
    w.values.assign(1, 0.5f);
    write_shared_weights(dir / "w.pvp", w, false);
    write_file(dir / "list.txt", "w.pvp\n");
    InputRig rig(nx, ny);
    auto text = error_text<IoError>([&] {
      rig.build("PvpListLayer", group_of({{"inputPath", str((dir / "list.txt").string())}}));
    });
    CHECK_THAT(text, Catch::Contains("w.pvp") && Catch::Contains("weight file") && Catch::Contains("line 1"));
  }
  SECTION("an empty list") {
    write_file(dir / "list.txt", "// nothing\n");
    InputRig rig(nx, ny);
    CHECK_THAT(error_text<IoError>([&] {
                 rig.build("PvpListLayer", group_of({{"inputPath", str((dir / "list.txt").string())}}));
               }),
               Catch::Contains("list.txt") && Catch::Contains("no PVP files"));
  }
}
