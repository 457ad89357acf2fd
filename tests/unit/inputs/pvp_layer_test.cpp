#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "input_fixtures.hpp"

using namespace spv;
using namespace spv::test;

namespace {

constexpr int nx = 3, ny = 2, nf = 2;

// Frame k's value at neuron i: distinct per frame, zero at every third neuron so sparse files have gaps.
float value(int k, int i) { return i % 3 == 0 ? 0.0f : float(k + 1) + 0.125f * float(i); }

std::vector<float> frame(int k) {
  std::vector<float> v(nx * ny * nf);
  for (int i = 0; i < int(v.size()); ++i) v[std::size_t(i)] = value(k, i);
  return v;
}

std::string write_frames(const TempDir& dir, const std::string& name, PvpType type, int frames) {
  auto path = dir / name;
  PvpActivityFileWriter writer(path, type, nx, ny, nf, 1);
  for (int k = 0; k < frames; ++k) writer.write_frame(double(k), frame(k));
  writer.close();
  return path.string();
}

}  // namespace

TEST_CASE("PvpLayer shows the file's frames in order, one per displayPeriod", "[pvp]") {
  TempDir dir;
  auto type = GENERATE(PvpType::Dense, PvpType::SparseValues);
  const std::string path = write_frames(dir, "frames.pvp", type, 3);
  InputRig rig(nx, ny);
  auto& layer = rig.build("PvpLayer", group_of({{"nf", num(nf)}, {"inputPath", str(path)}, {"displayPeriod", num(2)}}));
  CHECK(layer.entry_count() == 3);
  CHECK(rig.activity() == frame(0));
  const int expected[] = {0, 0, 1, 1, 2, 2, 0, 0};
  for (long t = 1; t <= 8; ++t) {
    rig.step_to(t);
    INFO("t = " << t);
    CHECK(rig.activity() == frame(expected[t - 1]));
    CHECK(layer.fires_at(double(t), 1.0) == (t % 2 == 1));
  }
}

TEST_CASE("PvpLayer batches byFile over the frames", "[pvp]") {
  TempDir dir;
  const std::string path = write_frames(dir, "frames.pvp", PvpType::Dense, 3);
  InputRig rig(nx, ny, 2);
  rig.build("PvpLayer", group_of({{"nf", num(nf)}, {"inputPath", str(path)}, {"displayPeriod", num(1)}}));
  CHECK(rig.activity(0) == frame(0));
  CHECK(rig.activity(1) == frame(1));
  rig.step_to(1);
  rig.step_to(2);
  CHECK(rig.activity(0) == frame(2));
  CHECK(rig.activity(1) == frame(0));
}

TEST_CASE("PvpLayer normalises like ImageLayer", "[pvp]") {
  TempDir dir;
  const std::string path = write_frames(dir, "frames.pvp", PvpType::Dense, 1);
  InputRig rig(nx, ny);
  rig.build("PvpLayer", group_of({{"nf", num(nf)},
                                  {"inputPath", str(path)},
                                  {"normalizeLuminanceFlag", flag(true)},
                                  {"normalizeStdDev", flag(false)}}));
  auto a = rig.activity();
  auto f = frame(0);
  const float lo = 0.0f, hi = value(0, 11);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == Approx((f[i] - lo) / (hi - lo)));
}

TEST_CASE("PvpLayer errors name the file, the layer and both sizes", "[pvp][errors]") {
  TempDir dir;
  const std::string path = write_frames(dir, "frames.pvp", PvpType::Dense, 2);
  SECTION("a different nx") {
    InputRig rig(4, ny);
    std::string text = error_text<GeometryError>([&] {
      rig.build("PvpLayer", group_of({{"nf", num(nf)}, {"inputPath", str(path)}}));
    });
    CHECK_THAT(text, Catch::Contains(path) && Catch::Contains("\"Input\"") && Catch::Contains("4x2x2") &&
                         Catch::Contains("3x2x2") && Catch::Contains("autoResizeFlag"));
  }
  SECTION("a different nf") {
    InputRig rig(nx, ny);
    std::string text = error_text<GeometryError>([&] {
      rig.build("PvpLayer", group_of({{"nf", num(1)}, {"inputPath", str(path)}}));
    });
    CHECK_THAT(text, Catch::Contains(path) && Catch::Contains("3x2x1") && Catch::Contains("3x2x2"));
  }
  SECTION("a missing file") {
    InputRig rig(nx, ny);
    auto missing = (dir / "absent.pvp").string();
    std::string text = error_text<IoError>([&] {
      rig.build("PvpLayer", group_of({{"nf", num(nf)}, {"inputPath", str(missing)}}));
    });
    CHECK_THAT(text, Catch::Contains(missing) && Catch::Contains("\"Input\""));
  }
  SECTION("autoResizeFlag accepts another size") {
    InputRig rig(6, 4);
    rig.build("PvpLayer", group_of({{"nf", num(nf)},
                                    {"inputPath", str(path)},
                                    {"autoResizeFlag", flag(true)},
                                    {"interpolationMethod", str("nearestNeighbor")}}));
    auto a = rig.activity();
    CHECK(a[0] == value(0, 0));
    CHECK(a[(3 * 6 + 5) * nf + 1] == value(0, (1 * nx + 2) * nf + 1));  // layer (5, 3) samples frame (2, 1)
  }
}
