#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "data/digit_modalities.hpp"
#include "data/mnist_dataset.hpp"
#include "data/mnist_json.hpp"
#include "tests/support/temp_dir.hpp"

using Catch::Matchers::Contains;
using namespace spv;
namespace fs = std::filesystem;

namespace {

constexpr int per_class_images = 12;

// Pixel 0 carries the class, pixel 1 the index within the class, so every frame names its source; the rest is a
// class-dependent pattern (steps of 1/256, exact in an 8-bit PNG).
float pixel(int c, int i, int p) {
  if (p == 0) return float(c) / 16.0f;
  if (p == 1) return float(i) / 16.0f;
  return float((p * 7 + c * 13 + i) % 256) / 255.0f;
}

void write_fixture(const fs::path& dir, int images = per_class_images) {
  fs::create_directories(dir);
  for (int c = 0; c < 10; ++c) {
    std::ofstream out(dir / (std::to_string(c) + ".json"));
    out << "{ \"data\": [";
    for (int i = 0; i < images; ++i) {
      for (int p = 0; p < 784; ++p) out << (i + p > 0 ? "," : "") << pixel(c, i, p);
    }
    out << "] }";
  }
}

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("read_mnist_digits reads the package layout and checks it") {
  test::TempDir tmp;
  write_fixture(tmp / "package/src/digits");
  for (const fs::path& dir : {tmp.path(), tmp / "package", tmp / "package/src/digits"}) {
    const MnistDigits d = read_mnist_digits(dir);
    CHECK(d.class_sizes() == std::vector<int>(10, per_class_images));
    CHECK(d.total() == 120);
    CHECK(d.images[3][5][0] == Approx(3.0f / 16.0f));
    CHECK(d.images[3][5][1] == Approx(5.0f / 16.0f));
    CHECK(d.images[3][5][100] == Approx(pixel(3, 5, 100)).margin(1e-6));
  }
  CHECK_THROWS_WITH(read_mnist_digits(tmp / "nowhere"), Contains("no MNIST digits found"));

  const fs::path digits = tmp / "package/src/digits";
  test::write_file(digits / "4.json", "{\"data\": [0, 0.5, 1]}");
  CHECK_THROWS_WITH(read_mnist_digits(tmp.path()), Contains("4.json") && Contains("multiple of 784"));
  test::write_file(digits / "4.json", "{\"images\": []}");
  CHECK_THROWS_WITH(read_mnist_digits(tmp.path()), Contains("no \"data\" array"));
  test::write_file(digits / "4.json", "{\"data\": [0, 0.5");
  CHECK_THROWS_WITH(read_mnist_digits(tmp.path()), Contains("not valid JSON"));
  std::string bad = "{\"data\": [2";
  for (int p = 1; p < 784; ++p) bad += ",0";
  test::write_file(digits / "4.json", bad + "]}");
  CHECK_THROWS_WITH(read_mnist_digits(tmp.path()), Contains("value 0") && Contains("[0, 1]"));
}

TEST_CASE("class_block_vector puts ones on the class's block of 25 neurons") {
  for (int c = 0; c < 10; ++c) {
    const auto v = class_block_vector(c);
    REQUIRE(v.size() == 256);
    for (int n = 0; n < 256; ++n) CHECK(v[std::size_t(n)] == (n >= 25 * c && n < 25 * c + 25 ? 1.0f : 0.0f));
  }
  CHECK_THROWS_AS(class_block_vector(10), Error);  // 275 > 256
  CHECK_THROWS_AS(class_block_vector(-1), Error);
}

TEST_CASE("write_mnist_dataset writes matching images, labels, sources, printed digits and blocks") {
  test::TempDir tmp;
  write_fixture(tmp / "mnist");
  const MnistDigits digits = read_mnist_digits(tmp / "mnist");
  MnistDatasetOptions o;
  o.out_dir = tmp / "out";
  o.train = 80;
  o.test = 20;
  o.seed = 5;
  o.format = DatasetFormat::Both;
  const auto counts = write_mnist_dataset(digits, o);
  CHECK(counts.train == std::vector<int>(10, 8));
  CHECK(counts.test == std::vector<int>(10, 2));

  std::array<Image, 10> printed;
  for (int d = 0; d < 10; ++d) printed[std::size_t(d)] = printed_digit(d);
  std::set<std::pair<int, int>> used;
  for (const std::string set : {"train", "test"}) {
    const std::size_t n = set == "train" ? 80 : 20;
    const auto labels = lines_of(o.out_dir / (set + "_labels.txt"));
    const auto sources = lines_of(o.out_dir / (set + "_sources.txt"));
    const auto images = read_activity_file(o.out_dir / (set + "_images.pvp"));
    const auto printed_file = read_activity_file(o.out_dir / (set + "_printed.pvp"));
    const auto onehot = read_activity_file(o.out_dir / (set + "_onehot.pvp"));
    const auto png_list = lines_of(o.out_dir / (set + "_images.txt"));
    const auto printed_list = lines_of(o.out_dir / (set + "_printed.txt"));
    REQUIRE(labels.size() == n);
    REQUIRE(sources.size() == n);
    REQUIRE(images.frames.size() == n);
    REQUIRE(printed_file.frames.size() == n);
    REQUIRE(onehot.frames.size() == n);
    REQUIRE(png_list.size() == n);
    REQUIRE(printed_list.size() == n);
    CHECK((images.header.nx == 28 && images.header.ny == 28 && images.header.nf == 1));
    CHECK((printed_file.header.nx == 28 && printed_file.header.ny == 28 && printed_file.header.nf == 1));
    CHECK((onehot.header.nx == 1 && onehot.header.ny == 1 && onehot.header.nf == 256));
    CHECK(images.header.filetype == int(PvpType::Dense));

    for (std::size_t k = 0; k < n; ++k) {
      const int label = std::stoi(labels[k]);
      int source_label = -1, source_index = -1;
      REQUIRE(std::sscanf(sources[k].c_str(), "%d %d", &source_label, &source_index) == 2);
      CHECK(source_label == label);
      CHECK(used.insert({source_label, source_index}).second);
      const auto& frame = images.frames[k].values;
      CHECK(frame[0] == Approx(label / 16.0f));
      CHECK(frame[1] == Approx(source_index / 16.0f));
      CHECK(frame == digits.images[std::size_t(label)][std::size_t(source_index)]);
      CHECK(images.frames[k].time == double(k));
      CHECK(printed_file.frames[k].values == printed[std::size_t(label)].values);
      CHECK(onehot.frames[k].values == class_block_vector(label));
      CHECK(printed_list[k] == "printed/" + labels[k] + ".png");
      const Image png = read_png(o.out_dir / png_list[k]);
      REQUIRE(png.values.size() == 784);
      float worst = 0.0f;  // 8-bit rounding moves a value by at most half a step
      for (std::size_t p = 0; p < 784; ++p) worst = std::max(worst, std::abs(png.values[p] - frame[p]));
      CHECK(worst <= 0.5f / 255.0f + 1e-6f);
    }
  }
  CHECK(used.size() == 100);
  for (int d = 0; d < 10; ++d) CHECK(fs::exists(o.out_dir / "printed" / (std::to_string(d) + ".png")));

  // pvp only: no PNG lists; the same split for the same seed.
  MnistDatasetOptions p = o;
  p.out_dir = tmp / "pvp";
  p.format = DatasetFormat::Pvp;
  write_mnist_dataset(digits, p);
  CHECK_FALSE(fs::exists(p.out_dir / "train_images.txt"));
  CHECK(lines_of(p.out_dir / "train_sources.txt") == lines_of(o.out_dir / "train_sources.txt"));
  CHECK(lines_of(p.out_dir / "test_sources.txt") == lines_of(o.out_dir / "test_sources.txt"));

  o.train = 101;
  CHECK_THROWS_WITH(write_mnist_dataset(digits, o), Contains("exceeds the 120 images"));
}

TEST_CASE("parse_dataset_format") {
  CHECK(parse_dataset_format("pvp") == DatasetFormat::Pvp);
  CHECK(parse_dataset_format("png") == DatasetFormat::Png);
  CHECK(parse_dataset_format("both") == DatasetFormat::Both);
  CHECK_THROWS_WITH(parse_dataset_format("jpg"), Contains("pvp, png or both"));
}
