// E4's digit + class-name pairs: the text variants are drawn deterministically and vary within a class, names are
// never cut off, and the written files agree with the split frame by frame.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "data/digit_name_pairs.hpp"
#include "data/stratified_split.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
namespace fs = std::filesystem;

namespace {

double ink_mass(const Image& image) {
  double m = 0;
  for (float v : image.values) m += v;
  return m;
}

// Every pixel of an MNIST-sized image names its class and index, so a frame tells which image it holds.
MnistDigits fake_digits(int per_class) {
  MnistDigits d;
  for (int c = 0; c < 10; ++c) {
    for (int i = 0; i < per_class; ++i) {
      std::vector<float> image(MnistDigits::pixels);
      for (int p = 0; p < MnistDigits::pixels; ++p)
        image[std::size_t(p)] = float((p * 3 + c * 17 + i * 5) % 256) / 255.0f;
      d.images[std::size_t(c)].push_back(image);
    }
  }
  return d;
}

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("class names come in three cases", "[dsc]") {
  CHECK(cased_digit_name(7, NameCase::Lower) == "seven");
  CHECK(cased_digit_name(7, NameCase::Capitalised) == "Seven");
  CHECK(cased_digit_name(7, NameCase::Upper) == "SEVEN");
  CHECK(cased_digit_name(0, NameCase::Upper) == "ZERO");
}

TEST_CASE("name variants are a pure function of seed, set and index, and cover every font, case and shift", "[dsc]") {
  std::set<int> faces, cases, dxs, dys;
  for (std::uint64_t k = 0; k < 300; ++k) {
    const NameVariant v = draw_name_variant(1, "train", k, 8, 1);
    CHECK(v == draw_name_variant(1, "train", k, 8, 1));
    faces.insert(int(v.face));
    cases.insert(int(v.name_case));
    dxs.insert(v.offset_x);
    dys.insert(v.offset_y);
  }
  CHECK(faces.size() == 3);
  CHECK(cases.size() == 3);
  CHECK(dxs.size() == 17);  // -8 .. 8
  CHECK(*dxs.begin() == -8);
  CHECK(*dxs.rbegin() == 8);
  CHECK(dys == std::set<int>{-1, 0, 1});
  int same_seed = 0, same_set = 0;
  for (std::uint64_t k = 0; k < 100; ++k) {
    same_seed += draw_name_variant(2, "train", k, 8, 1) == draw_name_variant(1, "train", k, 8, 1);
    same_set += draw_name_variant(1, "test", k, 8, 1) == draw_name_variant(1, "train", k, 8, 1);
  }
  CHECK(same_seed < 20);  // 1 in 153 expected by chance
  CHECK(same_set < 20);
}

TEST_CASE("names render at the requested size, differ by class, font and case, and are never cut off", "[dsc]") {
  for (int width : {128, 64}) {
    const DigitNameRenderer r(width, 16);
    std::set<std::vector<float>> clean;
    for (int d = 0; d < 10; ++d) {
      const Image c = r.clean(d);
      CHECK(c.width == width);
      CHECK(c.height == 16);
      CHECK(c.channels == 1);
      CHECK(ink_mass(c) > 20.0);
      clean.insert(c.values);
      // Fonts and cases give different images of the same name.
      std::set<std::vector<float>> variants;
      for (FontFace f : {FontFace::Sans, FontFace::Serif, FontFace::Mono})
        for (NameCase n : {NameCase::Lower, NameCase::Capitalised, NameCase::Upper})
          variants.insert(r.render(d, NameVariant{f, n, 0, 0}).values);
      CHECK(variants.size() == 9);
      // A shift far past the edge is clamped: the ink is all there, moved.
      for (int dx : {-100, -3, 3, 100}) {
        for (int dy : {-5, 1}) {
          const Image shifted = r.render(d, NameVariant{FontFace::Serif, NameCase::Upper, dx, dy});
          const Image centred = r.render(d, NameVariant{FontFace::Serif, NameCase::Upper, 0, 0});
          CHECK(ink_mass(shifted) == Approx(ink_mass(centred)).epsilon(1e-5));
          CHECK(shifted.values != centred.values);
        }
      }
    }
    CHECK(clean.size() == 10);
  }
}

TEST_CASE("MNIST images are centred in a padded frame", "[dsc]") {
  std::vector<float> image(784);
  for (int p = 0; p < 784; ++p) image[std::size_t(p)] = float(p);
  const std::vector<float> padded = pad_mnist_image(image, 32);
  REQUIRE(padded.size() == 1024);
  CHECK(padded[0] == 0.0f);
  CHECK(padded[2 * 32 + 2] == 0.0f);       // pixel (0, 0) of the digit
  CHECK(padded[2 * 32 + 3] == 1.0f);       // pixel (1, 0)
  CHECK(padded[29 * 32 + 29] == 783.0f);  // pixel (27, 27)
  CHECK(padded[30 * 32 + 30] == 0.0f);
  CHECK_THROWS(pad_mnist_image(image, 27));
}

TEST_CASE("the pair files agree with the split frame by frame, vary within a class and repeat exactly", "[dsc]") {
  test::TempDir tmp;
  const MnistDigits digits = fake_digits(12);
  DigitNamePairOptions o;
  o.out_dir = tmp / "a";
  o.train = 80;
  o.test = 20;
  o.text_width = 64;
  const DigitNamePairCounts counts = write_digit_name_pairs(digits, o);
  CHECK(counts.train == std::vector<int>(10, 8));
  CHECK(counts.test == std::vector<int>(10, 2));

  const Split split = stratified_split(digits.class_sizes(), 80, 20, 1);
  const DigitNameRenderer names(64, 16);
  for (const std::string set : {"train", "test"}) {
    const auto& items = set == "train" ? split.train : split.test;
    const auto labels = lines_of(o.out_dir / ("labels_" + set + ".txt"));
    const auto variants = lines_of(o.out_dir / ("text_variants_" + set + ".txt"));
    const ActivityFile vision = read_activity_file(o.out_dir / ("vision_" + set + ".pvp"));
    const ActivityFile text = read_activity_file(o.out_dir / ("text_" + set + ".pvp"));
    REQUIRE(labels.size() == items.size());
    REQUIRE(variants.size() == items.size());
    REQUIRE(vision.frames.size() == items.size());
    REQUIRE(text.frames.size() == items.size());
    CHECK(vision.header.nx == 32);
    CHECK(vision.header.ny == 32);
    CHECK(text.header.nx == 64);
    CHECK(text.header.ny == 16);
    CHECK(text.header.nf == 1);
    std::vector<std::set<std::vector<float>>> per_class(10);
    for (std::size_t k = 0; k < items.size(); ++k) {
      CHECK(labels[k] == std::to_string(items[k].label));
      CHECK(vision.frames[k].values ==
            pad_mnist_image(digits.images[std::size_t(items[k].label)][std::size_t(items[k].index)], 32));
      const NameVariant v = draw_name_variant(1, set, k, 4, 1);
      CHECK(text.frames[k].values == names.render(items[k].label, v).values);
      per_class[std::size_t(items[k].label)].insert(text.frames[k].values);
    }
    if (set == "train") {
      for (int c = 0; c < 10; ++c) CHECK(per_class[std::size_t(c)].size() >= 6);  // 8 samples, mostly distinct
    }
  }
  const ActivityFile clean = read_activity_file(o.out_dir / "text_clean.pvp");
  REQUIRE(clean.frames.size() == 10);
  for (int d = 0; d < 10; ++d) CHECK(clean.frames[std::size_t(d)].values == names.clean(d).values);
  const ActivityFile styles = read_activity_file(o.out_dir / "text_clean_variants.pvp");
  REQUIRE(styles.frames.size() == 90);
  CHECK(styles.frames[0].values == names.clean(0).values);
  CHECK(styles.frames[9 * 7 + 3 * 2 + 2].values ==
        names.render(7, NameVariant{FontFace::Mono, NameCase::Upper, 0, 0}).values);
  CHECK(styles.frames[9 * 3 + 3 * 1 + 1].values ==
        names.render(3, NameVariant{FontFace::Serif, NameCase::Capitalised, 0, 0}).values);
  CHECK(styles.frames[9 * 3 + 3 * 1 + 1].values != styles.frames[9 * 3].values);

  // Same inputs, same bytes.
  o.out_dir = tmp / "b";
  write_digit_name_pairs(digits, o);
  for (const char* f : {"vision_train.pvp", "text_train.pvp", "text_test.pvp", "labels_test.txt", "text_clean.pvp"})
    CHECK(bytes_of(tmp / "a" / f) == bytes_of(tmp / "b" / f));
  // Another seed, another split and other variants.
  o.out_dir = tmp / "c";
  o.seed = 2;
  write_digit_name_pairs(digits, o);
  CHECK(bytes_of(tmp / "a" / "text_train.pvp") != bytes_of(tmp / "c" / "text_train.pvp"));
}
