#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "data/digit_modalities.hpp"
#include "data/font_files.hpp"
#include "data/text_renderer.hpp"
#include "tests/support/temp_dir.hpp"

using Catch::Matchers::Contains;
using namespace spv;

namespace {

struct Ink {
  double mass = 0, cx = 0, cy = 0;
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;  // inclusive bounds of pixels above 0
};

Ink ink_of(const Image& image) {
  Ink ink;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const float v = image.at(x, y, 0);
      if (v <= 0.0f) continue;
      ink.mass += v;
      ink.cx += v * (x + 0.5);
      ink.cy += v * (y + 0.5);
      ink.x0 = std::min(ink.x0, x);
      ink.y0 = std::min(ink.y0, y);
      ink.x1 = std::max(ink.x1, x);
      ink.y1 = std::max(ink.y1, y);
    }
  }
  if (ink.mass > 0) {
    ink.cx /= ink.mass;
    ink.cy /= ink.mass;
  }
  return ink;
}

double distance(const Image& a, const Image& b) {
  double d = 0;
  for (std::size_t i = 0; i < a.values.size(); ++i) d += std::abs(a.values[i] - b.values[i]);
  return d;
}

}  // namespace

TEST_CASE("the Liberation fonts are found") {
  for (FontFace f : {FontFace::Sans, FontFace::Serif, FontFace::Mono}) {
    const auto path = find_font_file(f);
    CHECK(path.filename() == font_file_name(f));
  }
  CHECK(parse_font_face("Serif") == FontFace::Serif);
  CHECK_THROWS_WITH(parse_font_face("comic"), Contains("sans, serif or mono"));
}

TEST_CASE("printed digits: grey values 0..1, ink inside the 20x20 centre, centred, all different") {
  std::array<Image, 10> digits;
  for (int d = 0; d < 10; ++d) {
    const Image& img = digits[std::size_t(d)] = printed_digit(d);
    REQUIRE((img.width == 28 && img.height == 28 && img.channels == 1));
    bool grey = false;
    bool in_range = true;
    for (float v : img.values) {
      in_range = in_range && v >= 0.0f && v <= 1.0f;
      grey = grey || (v > 0.05f && v < 0.95f);
    }
    CHECK(in_range);
    CHECK(grey);  // anti-aliased
    const Ink ink = ink_of(img);
    INFO("digit " << d);
    CHECK(ink.mass > 20);
    CHECK((ink.x0 >= 4 && ink.y0 >= 4 && ink.x1 <= 23 && ink.y1 <= 23));  // margin 4 kept
    CHECK(ink.y1 - ink.y0 + 1 >= 18);  // digits are all about the box's height
    // The ink's box is centred; the centroid of its mass lies near the middle (the 7's mass sits high).
    CHECK(std::abs((ink.x0 + ink.x1 + 1) / 2.0 - 14.0) <= 0.5);
    CHECK(std::abs((ink.y0 + ink.y1 + 1) / 2.0 - 14.0) <= 0.5);
    CHECK(std::abs(ink.cx - 14.0) < 3.0);
    CHECK(std::abs(ink.cy - 14.0) < 4.0);
  }
  for (int a = 0; a < 10; ++a) {
    for (int b = a + 1; b < 10; ++b) {
      INFO(a << " vs " << b);
      CHECK(distance(digits[std::size_t(a)], digits[std::size_t(b)]) > 20.0);
    }
  }
}

TEST_CASE("names in 128x16: fitted, centred, not clipped") {
  TextStyle style;
  for (const std::string name : {"zero", "one", "seven", "eight", "Seven", "SEVEN", "EIGHT"}) {
    INFO(name);
    const Image img = render_text(name, style, 128, 16);
    const Ink ink = ink_of(img);
    REQUIRE(ink.mass > 10);
    CHECK(ink.y0 >= 0);
    CHECK(ink.y1 <= 15);
    CHECK(std::abs((ink.x0 + ink.x1 + 1) / 2.0 - 64.0) <= 0.5);
    CHECK(std::abs(ink.cy - 8.0) < 3.0);
    // Not clipped: the same size in a roomier box has the same ink.
    TextStyle fixed = style;
    fixed.size_px = fitted_text_size(name, style, 128, 16);
    CHECK(ink_of(render_text(name, fixed, 192, 48)).mass == Approx(ink.mass).epsilon(1e-4));
  }
  // Line fitting gives every word of a list the same size, so words differ only by their letters.
  CHECK(fitted_text_size("one", style, 128, 16) == fitted_text_size("seven", style, 128, 16));
  CHECK(distance(render_text("seven", style, 128, 16), render_text("eight", style, 128, 16)) > 20.0);
}

TEST_CASE("wide text shrinks to fit the width and stays inside the box") {
  const std::string text = "the quick brown fox jumps over the lazy dog";
  TextStyle style;
  const int size = fitted_text_size(text, style, 128, 16);
  CHECK(size < fitted_text_size("seven", style, 128, 16));
  const Ink ink = ink_of(render_text(text, style, 128, 16));
  CHECK(ink.x0 >= 0);
  CHECK(ink.x1 <= 127);
  CHECK(ink.x1 - ink.x0 + 1 > 100);  // width-limited: it spans most of the box
  TextStyle fixed = style;
  fixed.size_px = size;
  CHECK(ink_of(render_text(text, fixed, 256, 48)).mass == Approx(ink.mass).epsilon(1e-4));
}

TEST_CASE("offsets move the text; an explicit size is used as given") {
  TextStyle style;
  const Ink centred = ink_of(render_text("seven", style, 128, 16));
  style.offset_x = 10;
  style.offset_y = -1;
  const Ink moved = ink_of(render_text("seven", style, 128, 16));
  CHECK(moved.x0 == centred.x0 + 10);
  CHECK(moved.x1 == centred.x1 + 10);
  CHECK(moved.cx == Approx(centred.cx + 10));
  TextStyle sized;
  sized.size_px = 9;
  CHECK(fitted_text_size("seven", sized, 128, 16) == 9);
  CHECK(ink_of(render_text("seven", sized, 128, 16)).mass < centred.mass);
  CHECK(ink_of(render_text("", TextStyle{}, 128, 16)).mass == 0.0);
}

TEST_CASE("missing fonts, glyphs and impossible boxes are clear errors") {
  test::TempDir empty;
  TextStyle style;
  style.font_dirs = {empty.path()};
  CHECK_THROWS_AS(render_text("7", style, 28, 28), IoError);
  CHECK_THROWS_WITH(render_text("7", style, 28, 28),
                    Contains("LiberationSans-Regular.ttf") && Contains(empty.path().string()) &&
                        Contains("fonts-liberation"));
  TextStyle file_style;
  file_style.font_file = empty / "nofont.ttf";
  CHECK_THROWS_AS(render_text("7", file_style, 28, 28), IoError);
  CHECK_THROWS_WITH(render_text("7", file_style, 28, 28), Contains("nofont.ttf"));
  CHECK_THROWS_WITH(render_text("\xE4\xB8\x80", TextStyle{}, 28, 28), Contains("no glyph for U+4E00"));
  CHECK_THROWS_WITH(render_text("\xFF", TextStyle{}, 28, 28), Contains("UTF-8"));
  CHECK_THROWS_WITH(render_text(std::string(400, 'W'), TextStyle{}, 16, 16), Contains("does not fit"));
  CHECK_THROWS_AS(render_text("7", TextStyle{}, 0, 16), Error);
}
