#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "analysis/feature_frequency.hpp"
#include "analysis/weight_tiles.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
using spv::test::TempDir;

namespace {

// Three 2x2 grey kernels: a ramp, a flat one and a ramp of twice the range.
SharedWeights three_kernels() {
  SharedWeights w;
  w.nxp = 2;
  w.nyp = 2;
  w.nfp = 1;
  w.nf_kernel = 3;
  w.values = {-2, 0, 1, 2, /**/ 0, 0, 0, 0, /**/ 4, -4, 2, 0};
  return w;
}

// The 8-bit value a PNG stores for an image value.
int byte_of(float v) { return int(std::lround(v * 255.0f)); }

std::vector<int> bytes_of(const Image& image) {
  std::vector<int> out;
  for (float v : image.values) out.push_back(byte_of(v));
  return out;
}

// Kernel k of `kernels` kernels of nxp x nyp: +1 at pixel k, -1 elsewhere, so a tile names its kernel.
SharedWeights one_hot_kernels(int nxp, int nyp, int kernels) {
  SharedWeights w;
  w.nxp = nxp;
  w.nyp = nyp;
  w.nfp = 1;
  w.nf_kernel = kernels;
  for (int k = 0; k < kernels; ++k)
    for (int p = 0; p < nxp * nyp; ++p) w.values.push_back(p == k ? 1.0f : -1.0f);
  return w;
}

// The pixel of tile t (in a grid of `columns`) that is white: the drawn kernel's index.
int white_pixel_of_tile(const Image& image, int t, int columns, int nxp, int nyp) {
  const int x0 = (t % columns) * (nxp + 1), y0 = (t / columns) * (nyp + 1);
  int found = -1;
  for (int y = 0; y < nyp; ++y)
    for (int x = 0; x < nxp; ++x)
      if (image.at(x0 + x, y0 + y, 0) == 1.0f) found = y * nxp + x;
  return found;
}

}  // namespace

TEST_CASE("tiles are laid out in a grid with 1-pixel black separators, 0 as grey 128", "[tiles]") {
  const Image image = tile_dictionary(three_kernels(), {}, {});
  // ceil(sqrt(3)) = 2 columns, 2 rows of 2x2 tiles, 1 pixel apart.
  REQUIRE(image.width == 5);
  REQUIRE(image.height == 5);
  REQUIRE(image.channels == 1);
  // Per tile: kernel 0 scaled by 2, kernel 1 flat, kernel 2 scaled by 4; the fourth cell and separators black.
  const std::vector<int> expected = {
      0,   128, 0, 128, 128,  //
      191, 255, 0, 128, 128,  //
      0,   0,   0, 0,   0,    //
      255, 0,   0, 0,   0,    //
      191, 128, 0, 0,   0,
  };
  CHECK(bytes_of(image) == expected);
  CHECK(image.at(1, 0, 0) == 0.5f);
  CHECK(image.at(0, 1, 0) == 0.75f);

  SECTION("the PNG holds the same bytes") {
    TempDir dir;
    write_png(dir / "tiles.png", image);
    CHECK(bytes_of(read_png(dir / "tiles.png")) == expected);
  }
}

TEST_CASE("per-dictionary normalisation uses one scale for all tiles", "[tiles]") {
  TileOptions options;
  options.normalization = TileNormalization::PerDictionary;
  options.columns = 3;
  const Image image = tile_dictionary(three_kernels(), {}, options);
  REQUIRE(image.width == 8);
  REQUIRE(image.height == 2);
  // Largest |w| is 4: kernel 0's -2, 0, 1, 2 become 0.25, 0.5, 0.625, 0.75.
  CHECK(image.at(0, 0, 0) == 0.25f);
  CHECK(image.at(1, 0, 0) == 0.5f);
  CHECK(image.at(0, 1, 0) == 0.625f);
  CHECK(image.at(1, 1, 0) == 0.75f);
  CHECK(image.at(2, 0, 0) == 0.0f);  // separator
  CHECK(image.at(3, 0, 0) == 0.5f);  // flat kernel
  CHECK(image.at(6, 0, 0) == 1.0f);
  CHECK(image.at(7, 0, 0) == 0.0f);
}

TEST_CASE("upscaling repeats each weight, separators stay 1 pixel; order picks the kernels", "[tiles]") {
  TileOptions options;
  options.scale = 2;
  options.columns = 3;
  const std::vector<int> order = {2, 0, 1};
  const Image image = tile_dictionary(three_kernels(), order, options);
  REQUIRE(image.width == 3 * 4 + 2);
  REQUIRE(image.height == 4);
  // First tile is kernel 2 (4, -4 / 2, 0 over 4): each value a 2x2 block.
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 2; ++x) {
      CHECK(image.at(x, y, 0) == 1.0f);
      CHECK(image.at(2 + x, y, 0) == 0.0f);
      CHECK(image.at(x, 2 + y, 0) == 0.75f);
      CHECK(image.at(2 + x, 2 + y, 0) == 0.5f);
    }
  }
  CHECK(image.at(4, 1, 0) == 0.0f);   // separator column
  CHECK(image.at(5, 0, 0) == 0.0f);   // second tile is kernel 0: -2 of 2
  CHECK(image.at(7, 2, 0) == 1.0f);   // and its +2
  CHECK(image.at(10, 0, 0) == 0.5f);  // third tile is the flat kernel 1
}

TEST_CASE("three features draw colour tiles; other counts draw grey sub-tiles side by side", "[tiles]") {
  SharedWeights rgb;
  rgb.nxp = rgb.nyp = 1;
  rgb.nfp = 3;
  rgb.nf_kernel = 1;
  rgb.values = {1, -1, 0};
  const Image colour = tile_dictionary(rgb, {}, {});
  REQUIRE(colour.channels == 3);
  REQUIRE(colour.width == 1);
  CHECK(colour.values == std::vector<float>{1.0f, 0.0f, 0.5f});

  SharedWeights two;
  two.nxp = two.nyp = 1;
  two.nfp = 2;
  two.nf_kernel = 2;
  two.values = {1, -0.5f, /**/ 0, 2};
  TileOptions options;
  options.columns = 2;
  const Image grey = tile_dictionary(two, {}, options);
  REQUIRE(grey.channels == 1);
  REQUIRE(grey.width == 3 + 1 + 3);
  CHECK(grey.values == std::vector<float>{1.0f, 0.0f, 0.25f, 0.0f, 0.5f, 0.0f, 1.0f});
}

TEST_CASE("with several kernel positions, each feature's kernels follow one another", "[tiles]") {
  SharedWeights w;
  w.nxp = w.nyp = w.nfp = 1;
  w.nx_kernel = 2;
  w.nf_kernel = 2;
  w.values = {1, 2, 3, 4};  // kernel (x * 2 + f): x0 f0, x0 f1, x1 f0, x1 f1
  TileOptions options;
  options.columns = 4;
  options.normalization = TileNormalization::PerDictionary;
  const Image image = tile_dictionary(w, std::vector<int>{1, 0}, options);
  // Feature 1 at both positions (2, 4), then feature 0 (1, 3), each over the largest |w| = 4.
  CHECK(image.values == std::vector<float>{0.75f, 0.0f, 1.0f, 0.0f, 0.625f, 0.0f, 0.875f});
}

TEST_CASE("tiling rejects bad orders and options", "[tiles]") {
  const SharedWeights w = three_kernels();
  CHECK_THROWS_WITH(tile_dictionary(w, std::vector<int>{0, 1}, {}), Catch::Contains("lists 2 features"));
  CHECK_THROWS_WITH(tile_dictionary(w, std::vector<int>{0, 1, 1}, {}), Catch::Contains("not a permutation"));
  TileOptions options;
  options.arbor = 1;
  CHECK_THROWS_WITH(tile_dictionary(w, {}, options), Catch::Contains("arbor 1"));
}

TEST_CASE("features are ordered by how often they are active, ties by index", "[frequency]") {
  TempDir dir;
  // 1x1x4 code layer, 4 frames: feature 1 and 3 active 3 times, feature 0 once, feature 2 never.
  const std::vector<std::vector<float>> frames = {
      {0, 1, 0, 2}, {0.5f, 1, 0, 1}, {0, -1, 0, 3}, {0, 0, 0, 0}};
  for (PvpType type : {PvpType::Dense, PvpType::SparseValues}) {
    const auto path = dir / ("codes" + std::to_string(int(type)) + ".pvp");
    {
      PvpActivityFileWriter writer(path, type, 1, 1, 4, 1);
      for (std::size_t i = 0; i < frames.size(); ++i) writer.write_frame(double(i), frames[i]);
    }
    const auto counts = activation_counts(read_activity_file(path));
    CHECK(counts == std::vector<std::int64_t>{1, 3, 0, 3});
    CHECK(order_by_frequency(counts) == std::vector<int>{1, 3, 0, 2});
  }

  SECTION("a convolutional layer's positions add up") {
    const auto path = dir / "conv.pvp";
    {
      PvpActivityFileWriter writer(path, PvpType::SparseIndices, 2, 1, 3, 1);
      writer.write_frame(0, std::vector<float>{0, 0, 1, /**/ 0, 0, 1});  // x = 0 and x = 1
      writer.write_frame(1, std::vector<float>{1, 0, 0, /**/ 0, 1, 1});
    }
    const auto counts = activation_counts(read_activity_file(path));
    CHECK(counts == std::vector<std::int64_t>{1, 1, 3});
    CHECK(order_by_frequency(counts) == std::vector<int>{2, 0, 1});
  }
}

TEST_CASE("linked dictionaries are drawn in the same frequency order", "[tiles][frequency]") {
  TempDir dir;
  // Two dictionaries of the same 4-feature code layer, with different patch shapes, through real PVP files.
  write_shared_weights(dir / "mnist.pvp", one_hot_kernels(2, 2, 4), false);
  write_shared_weights(dir / "font.pvp", one_hot_kernels(4, 1, 4), false);
  {
    PvpActivityFileWriter writer(dir / "codes.pvp", PvpType::SparseValues, 1, 1, 4, 1);
    writer.write_frame(0, std::vector<float>{0, 0, 1, 1});
    writer.write_frame(1, std::vector<float>{0, 0, 2, 0});
    writer.write_frame(2, std::vector<float>{1, 0, 3, 1});
  }
  const auto order = order_by_frequency(activation_counts(read_activity_file(dir / "codes.pvp")));
  REQUIRE(order == std::vector<int>{2, 3, 0, 1});

  TileOptions options;
  options.columns = 2;
  const Image a = tile_dictionary(read_shared_weights(dir / "mnist.pvp"), order, options);
  const Image b = tile_dictionary(read_shared_weights(dir / "font.pvp"), order, options);
  for (int t = 0; t < 4; ++t) {
    CHECK(white_pixel_of_tile(a, t, 2, 2, 2) == order[std::size_t(t)]);
    CHECK(white_pixel_of_tile(b, t, 2, 4, 1) == order[std::size_t(t)]);
  }
}
