#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/io/output_directory.hpp"
#include "input_fixtures.hpp"

using namespace spv;
using namespace spv::test;

namespace {

struct Stats {
  double mean = 0, sd = 0, min = INFINITY, max = -INFINITY;
};
Stats stats_of(const std::vector<float>& v) {
  Stats s;
  for (float x : v) s.mean += x, s.min = std::min(s.min, double(x)), s.max = std::max(s.max, double(x));
  s.mean /= double(v.size());
  for (float x : v) s.sd += (x - s.mean) * (x - s.mean);
  s.sd = std::sqrt(s.sd / double(v.size()));
  return s;
}

// A W x H image whose pixels are all different and non-zero (grey, or RGB with c added).
Image ramp(int width, int height, int channels = 1) {
  return make_image(width, height, channels, [](int x, int y, int c) { return level(1 + 10 * y + x + 100 * c); });
}

// A grey image file of constant value level(k).
std::string flat_png(const TempDir& dir, const std::string& name, int k, int size = 2) {
  auto path = dir / name;
  std::filesystem::create_directories(path.parent_path());
  write_png(path, make_image(size, size, 1, [k](int, int, int) { return level(k); }));
  return path.string();
}

// The value every pixel of batch element b holds (the flat test images are constant).
float shown(const InputRig& rig, int b = 0) { return rig.activity(b)[0]; }

}  // namespace

TEST_CASE("normalizeStdDev makes each frame mean 0 and standard deviation 1", "[image]") {
  TempDir dir;
  Image im = make_image(6, 4, 3, [](int x, int y, int c) { return level((x * 29 + y * 53 + c * 17) % 256); });
  write_png(dir / "a.png", im);
  InputRig rig(6, 4);
  rig.build(
      "ImageLayer",
      group_of({{"nf", num(3)}, {"inputPath", str((dir / "a.png").string())}, {"normalizeLuminanceFlag", flag(true)}}));
  auto a = rig.activity();
  Stats s = stats_of(a);
  CHECK(s.mean == Approx(0.0).margin(1e-6));
  CHECK(s.sd == Approx(1.0).epsilon(1e-5));
  // An affine map of the image: the order of values is kept.
  Stats raw = stats_of(im.values);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == Approx((im.values[i] - raw.mean) / raw.sd).margin(1e-5));
}

TEST_CASE("normalizeStdDev = false rescales min..max to 0..1; a flat frame becomes 0", "[image]") {
  TempDir dir;
  Image im = make_image(4, 3, 1, [](int x, int y, int) { return level(51 + 8 * x + 20 * y); });
  write_png(dir / "a.png", im);
  InputRig rig(4, 3);
  rig.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())},
                                    {"normalizeLuminanceFlag", flag(true)},
                                    {"normalizeStdDev", flag(false)}}));
  auto a = rig.activity();
  Stats s = stats_of(a);
  CHECK(s.min == 0.0);
  CHECK(s.max == Approx(1.0));
  CHECK(a[5] == Approx((im.values[5] - level(51)) / (level(51 + 24 + 40) - level(51))));

  InputRig flat(2, 2);
  flat.build("ImageLayer", group_of({{"inputPath", str(flat_png(dir, "flat.png", 77))},
                                     {"normalizeLuminanceFlag", flag(true)},
                                     {"normalizeStdDev", flag(GENERATE(true, false))}}));
  for (float v : flat.activity()) CHECK(v == 0.0f);
}

TEST_CASE("inverseFlag: max + min - v, or -v after normalising (OpenPV's order)", "[image]") {
  TempDir dir;
  Image im = make_image(3, 3, 1, [](int x, int y, int) { return level(40 + 9 * x + 30 * y); });
  write_png(dir / "a.png", im);
  const std::string path = (dir / "a.png").string();
  const float lo = level(40), hi = level(40 + 18 + 60);

  InputRig plain(3, 3);
  plain.build("ImageLayer", group_of({{"inputPath", str(path)}, {"inverseFlag", flag(true)}}));
  auto a = plain.activity();
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == Approx(hi + lo - im.values[i]));

  InputRig normalised(3, 3);
  normalised.build("ImageLayer", group_of({{"inputPath", str(path)},
                                           {"normalizeLuminanceFlag", flag(true)},
                                           {"normalizeStdDev", flag(false)},
                                           {"inverseFlag", flag(true)}}));
  auto n = normalised.activity();
  for (std::size_t i = 0; i < n.size(); ++i) CHECK(n[i] == Approx(-(im.values[i] - lo) / (hi - lo)));
}

TEST_CASE("offsetAnchor, offsetX/offsetY and padValue place the image on the layer", "[image]") {
  TempDir dir;
  struct Case {
    int image, layer;
    std::string anchor;
    int dx, dy;
    int shift_x, shift_y;  // layer (x, y) shows image (x + shift_x, y + shift_y)
  };
  // Centring follows OpenPV: shift = image/2 - layer/2.
  auto c = GENERATE(Case{4, 6, "tl", 0, 0, 0, 0}, Case{4, 6, "cc", 0, 0, -1, -1}, Case{4, 6, "tl", 1, -1, 1, -1},
                    Case{4, 6, "tr", 0, 0, -2, 0}, Case{4, 6, "bl", 0, 0, 0, -2}, Case{6, 4, "br", 0, 0, 2, 2},
                    Case{6, 4, "CC", 0, 0, 1, 1}, Case{3, 6, "cc", 0, 0, -2, -2}, Case{5, 4, "lc", -1, 0, -1, 0},
                    Case{6, 4, "bc", 0, 1, 1, 3});
  INFO("anchor " << c.anchor << ", offsets " << c.dx << ", " << c.dy << ", image " << c.image << ", layer " << c.layer);
  Image im = ramp(c.image, c.image);
  write_png(dir / "a.png", im);
  InputRig rig(c.layer, c.layer);
  rig.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())},
                                    {"offsetAnchor", str(c.anchor)},
                                    {"offsetX", num(c.dx)},
                                    {"offsetY", num(c.dy)},
                                    {"padValue", num(-3.5)}}));
  auto a = rig.activity();
  for (int y = 0; y < c.layer; ++y)
    for (int x = 0; x < c.layer; ++x) {
      int sx = x + c.shift_x, sy = y + c.shift_y;
      bool inside = sx >= 0 && sx < c.image && sy >= 0 && sy < c.image;
      CHECK(a[std::size_t(y * c.layer + x)] == (inside ? im.at(sx, sy, 0) : -3.5f));
    }
}

TEST_CASE("padding is not normalised; normalisation uses only the covered pixels", "[image]") {
  TempDir dir;
  Image im = ramp(3, 3);
  write_png(dir / "a.png", im);
  InputRig rig(5, 4);
  rig.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())},
                                    {"normalizeLuminanceFlag", flag(true)},
                                    {"padValue", num(7)}}));
  auto a = rig.activity();
  std::vector<float> covered;
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 5; ++x) {
      float v = a[std::size_t(y * 5 + x)];
      if (x < 3 && y < 3)
        covered.push_back(v);
      else
        CHECK(v == 7.0f);
    }
  Stats s = stats_of(covered);
  CHECK(s.mean == Approx(0.0).margin(1e-6));
  CHECK(s.sd == Approx(1.0).epsilon(1e-5));
}

TEST_CASE("grey images fill nf = 3 and RGB images give luminance for nf = 1", "[image]") {
  TempDir dir;
  Image grey = ramp(3, 2);
  Image rgb = make_image(3, 2, 3, [](int x, int y, int c) { return level(20 * x + 50 * y + 70 * c); });
  write_png(dir / "grey.png", grey);
  write_png(dir / "rgb.png", rgb);

  InputRig to_rgb(3, 2);
  to_rgb.build("ImageLayer", group_of({{"nf", num(3)}, {"inputPath", str((dir / "grey.png").string())}}));
  auto a = to_rgb.activity();
  for (std::size_t p = 0; p < 6; ++p)
    for (int c = 0; c < 3; ++c) CHECK(a[p * 3 + std::size_t(c)] == grey.values[p]);

  InputRig to_grey(3, 2);
  to_grey.build("ImageLayer", group_of({{"nf", num(1)}, {"inputPath", str((dir / "rgb.png").string())}}));
  auto g = to_grey.activity();
  for (std::size_t p = 0; p < 6; ++p) {
    const float* px = &rgb.values[p * 3];
    CHECK(g[p] == Approx(0.30f * px[0] + 0.59f * px[1] + 0.11f * px[2]));
  }

  InputRig two(3, 2);
  std::string text = error_text<GeometryError>([&] {
    two.build("ImageLayer", group_of({{"nf", num(2)}, {"inputPath", str((dir / "rgb.png").string())}}));
  });
  CHECK_THAT(text, Catch::Contains("\"Input\"") && Catch::Contains("nf = 2"));
}

TEST_CASE("a list shows a new entry every displayPeriod and fires at t = k * displayPeriod + dt", "[image][list]") {
  TempDir dir;
  flat_png(dir, "a.png", 10);
  flat_png(dir, "sub/b.png", 20);
  flat_png(dir, "c.png", 30);
  write_file(dir / "frames.txt", "# three frames\na.png\n\n  sub/b.png  \n" + (dir / "c.png").string() + "\n");
  InputRig rig(2, 2);
  auto& layer =
      rig.build("ImageLayer", group_of({{"inputPath", str((dir / "frames.txt").string())}, {"displayPeriod", num(5)}}));
  CHECK(layer.entry_count() == 3);
  CHECK(shown(rig) == level(10));  // frame 0 is the state at t = 0
  CHECK_FALSE(layer.fires_at(0.0, 1.0));
  std::vector<int> fired;
  for (long t = 1; t <= 16; ++t) {
    rig.step_to(t);
    if (layer.fires_at(double(t), 1.0)) fired.push_back(int(t));
    int expected = t <= 5 ? 10 : t <= 10 ? 20 : t <= 15 ? 30 : 10;
    INFO("t = " << t);
    CHECK(shown(rig) == level(expected));
    CHECK(layer.frame_at(double(t), 1.0) == (t - 1) / 5);
  }
  CHECK(fired == std::vector<int>{1, 6, 11, 16});
  // Other objects ask with their triggerOffset added; the tolerance is dt/2.
  CHECK(layer.fires_at(6.4, 1.0));
  CHECK_FALSE(layer.fires_at(6.6, 1.0));
}

TEST_CASE("the layer reloads only when the frame changes", "[image][list]") {
  TempDir dir;
  flat_png(dir, "a.png", 10);
  flat_png(dir, "b.png", 20);
  write_file(dir / "frames.txt", "a.png\nb.png\n");
  InputRig rig(2, 2);
  rig.build("ImageLayer", group_of({{"inputPath", str((dir / "frames.txt").string())}, {"displayPeriod", num(3)}}));
  rig.step_to(1);
  auto a = rig.layer->A();
  std::fill(a.begin(), a.end(), -1.0f);  // a reload would overwrite this
  rig.step_to(2);
  rig.step_to(3);
  CHECK(shown(rig) == -1.0f);
  rig.step_to(4);
  CHECK(shown(rig) == level(20));
}

TEST_CASE("a single image is shown for every frame and batch element", "[image]") {
  TempDir dir;
  InputRig rig(2, 2, 2);
  auto& layer =
      rig.build("ImageLayer", group_of({{"inputPath", str(flat_png(dir, "one.png", 99))}, {"displayPeriod", num(3)}}));
  for (long t = 1; t <= 7; ++t) {
    rig.step_to(t);
    CHECK(shown(rig, 0) == level(99));
    CHECK(shown(rig, 1) == level(99));
    CHECK(layer.fires_at(double(t), 1.0) == (t == 1 || t == 4 || t == 7));
  }
}

TEST_CASE("batchMethod byFile: batch element b of frame k shows entry (b + k * nbatch) mod N", "[image][batch]") {
  TempDir dir;
  flat_png(dir, "a.png", 10);
  flat_png(dir, "b.png", 20);
  flat_png(dir, "c.png", 30);
  write_file(dir / "frames.txt", "a.png\nb.png\nc.png\n");
  InputRig rig(2, 2, 2);
  auto& layer =
      rig.build("ImageLayer", group_of({{"inputPath", str((dir / "frames.txt").string())},
                                        {"displayPeriod", num(2)},
                                        {"batchMethod", str(GENERATE(as<std::string>{}, "byFile", "byImage"))}}));
  const int levels[3] = {10, 20, 30};
  for (long t = 0; t <= 8; ++t) {
    if (t > 0) rig.step_to(t);
    long k = layer.frame_at(double(t), 1.0);
    INFO("t = " << t << ", frame " << k);
    for (int b = 0; b < 2; ++b) {
      int entry = int((b + 2 * k) % 3);
      CHECK(layer.entry_index(b, k) == entry);
      CHECK(shown(rig, b) == level(levels[entry]));
    }
  }
}

TEST_CASE("batchMethod byList, bySpecified and resetToStartOnLoop follow OpenPV's BatchIndexer", "[image][batch]") {
  TempDir dir;
  std::string list;
  for (int i = 0; i < 5; ++i) list += flat_png(dir, "f" + std::to_string(i) + ".png", 10 * i) + "\n";
  write_file(dir / "five.txt", list);
  const std::string path = (dir / "five.txt").string();
  auto sequence = [](InputLayer& layer, int b) {
    std::vector<int> s;
    for (long k = 0; k < 6; ++k) s.push_back(layer.entry_index(b, k));
    return s;
  };
  SECTION("byList: element b starts at b * floor(N / nbatch) and steps by 1") {
    InputRig rig(2, 2, 2);
    auto& layer = rig.build("ImageLayer", group_of({{"inputPath", str(path)}, {"batchMethod", str("byList")}}));
    CHECK(sequence(layer, 0) == std::vector<int>{0, 1, 2, 3, 4, 0});
    CHECK(sequence(layer, 1) == std::vector<int>{2, 3, 4, 0, 1, 2});
  }
  SECTION("start_frame_index shifts byFile") {
    InputRig rig(2, 2, 2);
    auto& layer = rig.build("ImageLayer", group_of({{"inputPath", str(path)}, {"start_frame_index", arr({3, 1})}}));
    CHECK(sequence(layer, 0) == std::vector<int>{3, 0, 2, 4, 1, 3});
    CHECK(sequence(layer, 1) == std::vector<int>{2, 4, 1, 3, 0, 2});
  }
  SECTION("bySpecified wraps modulo N; a skip below 1 counts as 1") {
    InputRig rig(2, 2, 2);
    auto& layer = rig.build("ImageLayer", group_of({{"inputPath", str(path)},
                                                    {"batchMethod", str("bySpecified")},
                                                    {"start_frame_index", arr({1, 3})},
                                                    {"skip_frame_index", arr({2, 0})}}));
    CHECK(sequence(layer, 0) == std::vector<int>{1, 3, 0, 2, 4, 1});
    CHECK(sequence(layer, 1) == std::vector<int>{3, 4, 0, 1, 2, 3});
  }
  SECTION("bySpecified with resetToStartOnLoop goes back to the start") {
    InputRig rig(2, 2, 2);
    auto& layer = rig.build("ImageLayer", group_of({{"inputPath", str(path)},
                                                    {"batchMethod", str("bySpecified")},
                                                    {"start_frame_index", arr({1, 2})},
                                                    {"skip_frame_index", arr({2, 1})},
                                                    {"resetToStartOnLoop", flag(true)}}));
    CHECK(sequence(layer, 0) == std::vector<int>{1, 3, 1, 3, 1, 3});
    CHECK(sequence(layer, 1) == std::vector<int>{2, 3, 4, 2, 3, 4});
  }
  SECTION("random shows every entry once per pass, in an order that depends only on the seeds") {
    InputRig rig(2, 2, 2);
    auto& layer = rig.build("ImageLayer", group_of({{"inputPath", str(path)}, {"batchMethod", str("random")}}));
    InputRig again(2, 2, 2);
    auto& same = again.build("ImageLayer", group_of({{"inputPath", str(path)}, {"batchMethod", str("random")}}));
    for (long pass = 0; pass < 4; ++pass) {
      std::multiset<int> seen;
      for (long position = pass * 5; position < pass * 5 + 5; ++position) {
        int b = int(position % 2);
        long k = position / 2;
        seen.insert(layer.entry_index(b, k));
        CHECK(same.entry_index(b, k) == layer.entry_index(b, k));
      }
      CHECK(seen == std::multiset<int>{0, 1, 2, 3, 4});
    }
    // Another layer (another name) with the same randomSeed shows the same order, as in OpenPV; another seed does not.
    InputRig paired(2, 2, 2);
    paired.name = "Labels";
    auto& labels = paired.build("ImageLayer", group_of({{"inputPath", str(path)}, {"batchMethod", str("random")}}));
    InputRig other(2, 2, 2);
    auto& reseeded = other.build(
        "ImageLayer", group_of({{"inputPath", str(path)}, {"batchMethod", str("random")}, {"randomSeed", num(99)}}));
    bool differs = false;
    for (long k = 0; k < 20; ++k) {
      CHECK(labels.entry_index(0, k) == layer.entry_index(0, k));
      differs |= reseeded.entry_index(0, k) != layer.entry_index(0, k);
    }
    CHECK(differs);
    // Some pass is not in list order (a fixed seed makes this deterministic).
    bool shuffled = false;
    for (long k = 0; k < 20; ++k) shuffled |= layer.entry_index(0, k) != int((2 * k) % 5);
    CHECK(shuffled);
  }
}

TEST_CASE("a list entry not beside the list is found from the working directory, as OpenPV finds it", "[image][list]") {
  TempDir dir;
  flat_png(dir, "input/a.png", 40);        // OpenPV's lists name files from the run's directory
  flat_png(dir, "input/lists/b.png", 50);  // beside the list: sparsepv's rule, tried first
  write_file(dir / "input/lists/frames.txt", "input/a.png\nb.png\n");
  struct InDirectory {  // the run's directory for this test; restored whatever happens
    std::filesystem::path before = std::filesystem::current_path();
    explicit InDirectory(const std::filesystem::path& d) { std::filesystem::current_path(d); }
    ~InDirectory() { std::filesystem::current_path(before); }
  } in_dir(dir.path());
  InputRig rig(2, 2);
  auto& layer =
      rig.build("ImageLayer", group_of({{"inputPath", str("input/lists/frames.txt")}, {"displayPeriod", num(1)}}));
  CHECK(layer.entry_count() == 2);
  CHECK(shown(rig) == level(40));
  rig.step_to(2);
  CHECK(shown(rig) == level(50));
}

TEST_CASE("list errors name the list, the line and the file", "[image][errors]") {
  TempDir dir;
  flat_png(dir, "a.png", 10);
  write_file(dir / "bad.txt", "a.png\n# comment\nmissing.png\n");
  InputRig rig(2, 2);
  std::string text = error_text<IoError>([&] {
    rig.build("ImageLayer", group_of({{"inputPath", str((dir / "bad.txt").string())}}));
  });
  CHECK_THAT(text, Catch::Contains((dir / "missing.png").string()) && Catch::Contains("line 3") &&
                       Catch::Contains((dir / "bad.txt").string()) && Catch::Contains("\"Input\""));

  write_file(dir / "empty.txt", "# nothing\n\n");
  InputRig empty(2, 2);
  CHECK_THAT(error_text<IoError>([&] {
               empty.build("ImageLayer", group_of({{"inputPath", str((dir / "empty.txt").string())}}));
             }),
             Catch::Contains("empty.txt") && Catch::Contains("no image files"));

  InputRig missing(2, 2);
  CHECK_THAT(error_text<IoError>([&] {
               missing.build("ImageLayer", group_of({{"inputPath", str((dir / "none.png").string())}}));
             }),
             Catch::Contains("none.png") && Catch::Contains("\"Input\"") && Catch::Contains("inputs_test.lua:11"));
}

TEST_CASE("a corrupt image is reported when it is shown, naming the file, the list line and the layer",
          "[image][errors]") {
  TempDir dir;
  flat_png(dir, "a.png", 10);
  write_file(dir / "b.png", "not an image");
  write_file(dir / "frames.txt", "a.png\nb.png\n");
  InputRig rig(2, 2);
  rig.build("ImageLayer", group_of({{"inputPath", str((dir / "frames.txt").string())}, {"displayPeriod", num(2)}}));
  rig.step_to(1);
  rig.step_to(2);
  std::string text = error_text<IoError>([&] { rig.step_to(3); });
  CHECK_THAT(text, Catch::Contains((dir / "b.png").string()) && Catch::Contains("not a PNG") &&
                       Catch::Contains("line 2") && Catch::Contains("\"Input\""));
}

TEST_CASE("input layer parameters are checked", "[image][errors]") {
  TempDir dir;
  const std::string path = flat_png(dir, "a.png", 10);
  auto param_error_key = [&](ParamGroup g, int nbatch = 1) {
    InputRig rig(2, 2, nbatch);
    g.set("inputPath", str(path));
    try {
      rig.build("ImageLayer", std::move(g));
    } catch (const ParamError& e) {
      return e.key() + ": " + e.message();
    }
    return std::string("no error");
  };
  CHECK_THAT(param_error_key(group_of({{"triggerLayerName", str("Other")}})), Catch::StartsWith("triggerLayerName"));
  CHECK(param_error_key(group_of({{"useInputBCflag", flag(true)}})) == "no error");
  CHECK(param_error_key(group_of({{"useImageBCflag", flag(true)}})) == "no error");  // the legacy spelling
  CHECK(param_error_key(group_of({{"useImageBCflag", flag(false)}})) == "no error");
  CHECK_THAT(param_error_key(group_of({{"jitterChangeInterval", num(1)}})), Catch::Contains("not supported"));
  CHECK_THAT(param_error_key(group_of({{"offsetAnchor", str("tt")}})), Catch::StartsWith("offsetAnchor"));
  CHECK(param_error_key(group_of({{"batchMethod", str("byfile")}})) == "no error");  // OpenPV spellings in any case
  CHECK_THAT(param_error_key(group_of({{"batchMethod", str("byfil")}})), Catch::Contains("byFile"));
  // skip_frame_index is read only with bySpecified (as OpenPV): otherwise it warns; there its length is nbatch.
  CHECK(param_error_key(group_of({{"skip_frame_index", arr({1})}})) == "no error");
  CHECK_THAT(param_error_key(group_of({{"batchMethod", str("bySpecified")}, {"skip_frame_index", arr({1, 1})}})),
             Catch::StartsWith("skip_frame_index"));
  CHECK_THAT(param_error_key(group_of({{"start_frame_index", arr({0, 1, 2})}}), 2),
             Catch::StartsWith("start_frame_index") && Catch::Contains("nbatch = 2"));
  CHECK_THAT(param_error_key(group_of({{"start_frame_index", arr({-1})}})), Catch::StartsWith("start_frame_index"));
  CHECK_THAT(param_error_key(group_of({{"displayPeriod", num(2.5)}})), Catch::StartsWith("displayPeriod"));
  CHECK_THAT(param_error_key(group_of({{"aspectRatioAdjustment", str("stretch")}})),
             Catch::StartsWith("aspectRatioAdjustment"));
}

TEST_CASE("autoResizeFlag rescales the image to the layer before anchoring", "[image][resize]") {
  TempDir dir;
  SECTION("nearest neighbour, crop: 2x2 onto 4x4 repeats each pixel") {
    Image im = ramp(2, 2);
    write_png(dir / "a.png", im);
    InputRig rig(4, 4);
    rig.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())},
                                      {"autoResizeFlag", flag(true)},
                                      {"interpolationMethod", str("nearestNeighbor")}}));
    auto a = rig.activity();
    for (int y = 0; y < 4; ++y)
      for (int x = 0; x < 4; ++x) CHECK(a[std::size_t(y * 4 + x)] == im.at(x / 2, y / 2, 0));
  }
  SECTION("pad: a 4x2 image fits a 4x4 layer unscaled, centred, padded") {
    Image im = ramp(4, 2);
    write_png(dir / "a.png", im);
    InputRig rig(4, 4);
    rig.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())},
                                      {"autoResizeFlag", flag(true)},
                                      {"aspectRatioAdjustment", str("pad")},
                                      {"offsetAnchor", str("cc")},
                                      {"padValue", num(-1)}}));
    auto a = rig.activity();
    for (int y = 0; y < 4; ++y)
      for (int x = 0; x < 4; ++x) CHECK(a[std::size_t(y * 4 + x)] == (y == 1 || y == 2 ? im.at(x, y - 1, 0) : -1.0f));
  }
  SECTION("crop: a 4x2 image is scaled to 8x4 and its centre kept") {
    Image im = ramp(4, 2);
    write_png(dir / "a.png", im);
    InputRig rig(4, 4);
    rig.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())},
                                      {"autoResizeFlag", flag(true)},
                                      {"interpolationMethod", str("nearestNeighbor")},
                                      {"offsetAnchor", str("cc")}}));
    // Resized column k samples round(3k/7); the layer sees resized columns 2..5; rows sample round(k/3).
    const int sx[4] = {1, 1, 2, 2}, sy[4] = {0, 0, 1, 1};
    auto a = rig.activity();
    for (int y = 0; y < 4; ++y)
      for (int x = 0; x < 4; ++x) CHECK(a[std::size_t(y * 4 + x)] == im.at(sx[x], sy[y], 0));
  }
  SECTION("bilinear and bicubic between two columns") {
    Image im = make_image(2, 2, 1, [](int x, int, int) { return x == 0 ? 0.0 : 1.0; });
    write_png(dir / "a.png", im);
    InputRig linear(3, 3);
    linear.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())},
                                         {"autoResizeFlag", flag(true)},
                                         {"interpolationMethod", str("bilinear")}}));
    auto a = linear.activity();
    for (int y = 0; y < 3; ++y)
      CHECK(std::vector<float>(a.begin() + 3 * y, a.begin() + 3 * y + 3) == std::vector<float>{0.0f, 0.5f, 1.0f});
    InputRig cubic(3, 3);
    cubic.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())}, {"autoResizeFlag", flag(true)}}));
    auto c = cubic.activity();
    // OpenPV's kernel (a = -1) with its reflection at the edges: the midpoint weighs 0.625 and 0.375.
    for (int y = 0; y < 3; ++y) {
      CHECK(c[std::size_t(3 * y)] == Approx(0.0f).margin(1e-6));
      CHECK(c[std::size_t(3 * y + 1)] == Approx(0.375f));
      CHECK(c[std::size_t(3 * y + 2)] == Approx(1.0f));
    }
  }
}

namespace {

// One rank of a rows x columns split, without other processes: enough for a layer to take its tile.
class TileCommunicator final : public Communicator {
 public:
  TileCommunicator(int rows, int columns, int rank) { decomposition_ = Decomposition{rows, columns, 1, rank}; }
  void exchange_halo(const LayerGeometry&, float*) override {}
  void ordered_sum(std::vector<double>&) override {}
  void gather_layer(const LayerGeometry& g, const float* local, std::vector<float>& global) override {
    global.assign(local, local + g.neurons());
  }
  // Rank 0's text reaches the ranks built after it.
  void broadcast(std::string& text) override {
    static std::string kept;
    if (rank() == 0) kept = text;
    else text = kept;
  }
  bool all_agree(bool ok, std::string&) override { return ok; }
  // Only rank 0 (row 0, column 0) reads the image; with no other processes here, the ranks built after it take
  // their tiles of the frames it kept.
  void scatter_layer(const LayerGeometry& g, const float* global, float* local) override {
    static std::vector<float> frames;
    if (rank() == 0) frames.assign(global, global + std::size_t(g.nbatch) * g.global_neurons());
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = 0; y < g.ny; ++y)
        for (int x = 0; x < g.nx; ++x)
          for (int f = 0; f < g.nf; ++f)
            local[std::size_t(b) * g.neurons() + g.index(x, y, f)] =
                frames[std::size_t(b) * g.global_neurons() + (std::size_t(g.ky0 + y) * g.nx_global + g.kx0 + x) * g.nf + f];
  }
};

}  // namespace

TEST_CASE("each tile shows its part of the whole, normalised over the whole image", "[image][tiles]") {
  TempDir dir;
  Image im = make_image(6, 4, 3, [](int x, int y, int c) { return level((x * 41 + y * 23 + c * 67) % 256); });
  write_png(dir / "a.png", im);
  auto params = [&] {
    return group_of(
        {{"nf", num(3)}, {"inputPath", str((dir / "a.png").string())}, {"normalizeLuminanceFlag", flag(true)}});
  };
  InputRig whole(6, 4);
  whole.build("ImageLayer", params());
  auto all = whole.activity();
  for (int rank = 0; rank < 4; ++rank) {
    TileCommunicator comm(2, 2, rank);
    InputRig rig(6, 4);
    rig.comm = &comm;
    rig.build("ImageLayer", params());
    const auto& g = rig.layer->geometry();
    REQUIRE(g.nx == 3);
    REQUIRE(g.ny == 2);
    auto part = rig.activity();
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < 3; ++f)
          CHECK(part[g.index(x, y, f)] == all[(std::size_t(g.ky0 + y) * 6 + g.kx0 + x) * 3 + f]);
  }
}

TEST_CASE("the halo around the image follows the layer's boundary condition", "[image]") {
  TempDir dir;
  Image im = ramp(3, 3);
  write_png(dir / "a.png", im);
  InputRig rig(3, 3);
  rig.build("ImageLayer", group_of({{"inputPath", str((dir / "a.png").string())}, {"mirrorBCflag", flag(true)}}),
            Halo{1, 1, 1, 1});
  const auto& g = rig.layer->geometry();
  auto a = rig.layer->A();
  CHECK(rig.activity() == im.values);
  CHECK(a[g.ext_index(-1, 0, 0)] == im.at(0, 0, 0));
  CHECK(a[g.ext_index(3, 2, 0)] == im.at(2, 2, 0));
}

TEST_CASE("writeFrameToTimestamp records each batch element's entry at every firing", "[image][output]") {
  TempDir dir;
  flat_png(dir, "a.png", 10);
  flat_png(dir, "b.png", 20);
  flat_png(dir, "c.png", 30);
  write_file(dir / "frames.txt", "a.png\nb.png\nc.png\n");
  OutputDirectory out(dir / "out", true);
  InputRig rig(2, 2, 2);
  rig.ctx.output = &out;
  rig.build("ImageLayer", group_of({{"inputPath", str((dir / "frames.txt").string())}, {"displayPeriod", num(2)}}));
  for (long t = 1; t <= 4; ++t) rig.step_to(t);
  rig.layer->finish(rig.ctx);
  out.commit();
  std::ifstream in(dir / "out" / "timestamps" / "Input.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "[Input] time: 1, batch element: 0, index: 0," + (dir / "a.png").string());
  CHECK(lines[1] == "[Input] time: 1, batch element: 1, index: 1," + (dir / "b.png").string());
  CHECK(lines[2] == "[Input] time: 3, batch element: 0, index: 2," + (dir / "c.png").string());
  CHECK(lines[3] == "[Input] time: 3, batch element: 1, index: 0," + (dir / "a.png").string());
}

TEST_CASE("the schema documents the input keys and their OpenPV defaults", "[image]") {
  Registry registry;
  register_layers(registry);
  const ParamSchema& s = *registry.find("ImageLayer")->schema;
  CHECK(s.find("useImageBCflag") == s.find("useInputBCflag"));
  CHECK(s.find("offsetAnchor")->default_value == str("tl"));
  CHECK(s.find("batchMethod")->default_value == str("byFile"));
  CHECK(s.find("normalizeStdDev")->default_value == flag(true));
  CHECK(s.find("writeFrameToTimestamp")->default_value == flag(true));
  CHECK(s.find("inputPath")->required);
  CHECK(registry.find("PvpLayer") != nullptr);
}

TEST_CASE("the tutorial images are 32x32 RGB natural images, listed by tutorial_images.txt", "[image][data]") {
  const std::string data = std::string(SPV_SOURCE_DIR) + "/lua/examples/data/";
  InputRig rig(32, 32);
  auto& layer = rig.build("ImageLayer", group_of({{"nf", num(3)},
                                                  {"inputPath", str(data + "tutorial_images.txt")},
                                                  {"displayPeriod", num(400)},
                                                  {"normalizeLuminanceFlag", flag(true)}}));
  CHECK(layer.entry_count() == 2);
  auto first = rig.activity();
  Stats s = stats_of(first);
  CHECK(s.mean == Approx(0.0).margin(1e-5));
  CHECK(s.sd == Approx(1.0).epsilon(1e-5));
  for (long t = 1; t <= 401; ++t) rig.step_to(t);
  CHECK(rig.activity() != first);
  for (const char* name : {"tutorial_32x32.png", "tutorial2_32x32.png"}) {
    Image im = read_png(data + name);
    CHECK(im.width == 32);
    CHECK(im.height == 32);
    CHECK(im.channels == 3);
    CHECK(stats_of(im.values).sd > 0.1);  // a photograph, not a flat or blank image
  }
}
