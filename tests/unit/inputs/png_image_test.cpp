#include <png.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "core/errors.hpp"
#include "input_fixtures.hpp"

using namespace spv;
using namespace spv::test;

namespace {

// Writes a PNG with libpng directly, for colour types and depths write_png does not produce. `samples` holds the
// raw rows (16-bit samples big-endian).
void write_raw_png(const std::filesystem::path& path, int width, int height, int color_type, int bit_depth,
                   std::vector<unsigned char> samples, std::vector<png_color> palette = {}) {
  std::FILE* f = std::fopen(path.string().c_str(), "wb");
  REQUIRE(f);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) FAIL("libpng could not write the fixture");
  png_init_io(png, f);
  png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), bit_depth, color_type, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!palette.empty()) png_set_PLTE(png, info, palette.data(), int(palette.size()));
  png_write_info(png, info);
  const std::size_t row_bytes = samples.size() / std::size_t(height);
  for (int y = 0; y < height; ++y) png_write_row(png, samples.data() + std::size_t(y) * row_bytes);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
}

}  // namespace

TEST_CASE("PNG round trip is exact for 8-bit grey and RGB", "[png]") {
  TempDir dir;
  for (int channels : {1, 3}) {
    Image in = make_image(7, 5, channels, [](int x, int y, int c) { return level((x * 37 + y * 11 + c * 101) % 256); });
    auto path = dir / ("round_" + std::to_string(channels) + ".png");
    write_png(path, in);
    CHECK_FALSE(std::filesystem::exists(path.string() + ".part"));
    Image out = read_png(path);
    CHECK(out.width == 7);
    CHECK(out.height == 5);
    CHECK(out.channels == channels);
    CHECK(out.values == in.values);
  }
}

TEST_CASE("write_png clamps to [0, 1], or stretches the image's range", "[png]") {
  TempDir dir;
  Image in = make_image(3, 1, 1, [](int x, int, int) { return std::vector<double>{-0.5, 0.5, 1.7}[std::size_t(x)]; });
  write_png(dir / "clamped.png", in);
  Image clamped = read_png(dir / "clamped.png");
  CHECK(clamped.values == std::vector<float>{0.0f, level(128), 1.0f});  // 0.5 * 255 = 127.5 rounds up

  write_png(dir / "stretched.png", in, true);
  Image stretched = read_png(dir / "stretched.png");
  CHECK(stretched.values == std::vector<float>{0.0f, level(116), 1.0f});  // (0.5 + 0.5) / 2.2 * 255 = 115.9
}

TEST_CASE("read_png converts palette, grey+alpha, RGBA and 16-bit images", "[png]") {
  TempDir dir;
  SECTION("palette becomes RGB") {
    write_raw_png(dir / "pal.png", 2, 1, PNG_COLOR_TYPE_PALETTE, 8, {1, 0}, {{10, 20, 30}, {200, 100, 0}});
    Image im = read_png(dir / "pal.png");
    CHECK(im.channels == 3);
    CHECK(im.values == std::vector<float>{level(200), level(100), level(0), level(10), level(20), level(30)});
  }
  SECTION("grey + alpha drops alpha") {
    write_raw_png(dir / "ga.png", 2, 1, PNG_COLOR_TYPE_GRAY_ALPHA, 8, {51, 255, 102, 0});
    Image im = read_png(dir / "ga.png");
    CHECK(im.channels == 1);
    CHECK(im.values == std::vector<float>{level(51), level(102)});
  }
  SECTION("RGBA drops alpha") {
    write_raw_png(dir / "rgba.png", 1, 2, PNG_COLOR_TYPE_RGB_ALPHA, 8, {1, 2, 3, 4, 5, 6, 7, 8});
    Image im = read_png(dir / "rgba.png");
    CHECK(im.channels == 3);
    CHECK(im.values == std::vector<float>{level(1), level(2), level(3), level(5), level(6), level(7)});
  }
  SECTION("16-bit grey divides by 65535") {
    write_raw_png(dir / "g16.png", 2, 1, PNG_COLOR_TYPE_GRAY, 16, {0x12, 0x34, 0xff, 0xff});
    Image im = read_png(dir / "g16.png");
    CHECK(im.channels == 1);
    CHECK(im.values == std::vector<float>{float(0x1234) / 65535.0f, 1.0f});
  }
  SECTION("1-bit grey expands to 0 and 1") {
    write_raw_png(dir / "g1.png", 3, 1, PNG_COLOR_TYPE_GRAY, 1, {0b10100000});
    Image im = read_png(dir / "g1.png");
    CHECK(im.values == std::vector<float>{1.0f, 0.0f, 1.0f});
  }
}

TEST_CASE("read_png errors name the path", "[png]") {
  TempDir dir;
  SECTION("missing file") {
    auto path = dir / "absent.png";
    std::string text = error_text<IoError>([&] { read_png(path); });
    CHECK_THAT(text, Catch::Contains(path.string()));
  }
  SECTION("not a PNG") {
    auto path = dir / "notes.png";
    write_file(path, "this is plain text, not an image\n");
    std::string text = error_text<IoError>([&] { read_png(path); });
    CHECK_THAT(text, Catch::Contains(path.string()) && Catch::Contains("not a PNG"));
  }
  SECTION("empty file") {
    auto path = dir / "empty.png";
    write_file(path, "");
    CHECK_THAT(error_text<IoError>([&] { read_png(path); }), Catch::Contains(path.string()));
  }
  SECTION("truncated file") {
    auto path = dir / "cut.png";
    // Noise does not compress, so half the file ends inside the image data.
    Image noise =
        make_image(40, 40, 3, [](int x, int y, int c) { return level((x * 7919 + y * 104729 + c * 31) % 251); });
    write_png(path, noise);
    auto size = std::filesystem::file_size(path);
    std::filesystem::resize_file(path, size / 2);
    std::string text = error_text<IoError>([&] { read_png(path); });
    CHECK_THAT(text, Catch::Contains(path.string()) && Catch::Contains("truncated"));
  }
}

TEST_CASE("write_png rejects images it cannot write", "[png]") {
  TempDir dir;
  Image two = make_image(2, 2, 2, [](int, int, int) { return 0.0; });
  CHECK_THROWS_AS(write_png(dir / "two.png", two), IoError);
  Image ok = make_image(2, 2, 1, [](int, int, int) { return 0.0; });
  CHECK_THROWS_AS(write_png(dir / "missing_folder" / "x.png", ok), IoError);
}

TEST_CASE("a PNG header asking for more pixels than its file can hold is refused before allocating", "[png][errors]") {
  // CRC-32 of PNG chunks (ISO 3309), bit by bit.
  auto crc32 = [](const std::vector<unsigned char>& b, std::size_t from) {
    std::uint32_t c = 0xffffffffu;
    for (std::size_t i = from; i < b.size(); ++i) {
      c ^= b[i];
      for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return c ^ 0xffffffffu;
  };
  auto be32 = [](std::vector<unsigned char>& b, std::uint32_t v) {
    for (int i = 3; i >= 0; --i) b.push_back(static_cast<unsigned char>(v >> (8 * i)));
  };
  auto chunk = [&](std::vector<unsigned char>& file, const char* type, const std::vector<unsigned char>& data) {
    be32(file, std::uint32_t(data.size()));
    std::vector<unsigned char> body(type, type + 4);
    body.insert(body.end(), data.begin(), data.end());
    file.insert(file.end(), body.begin(), body.end());
    be32(file, crc32(body, 0));
  };
  // 100000 x 100000 RGB pixels need 30 GB of image data: no 70-byte file holds that, however well packed.
  std::vector<unsigned char> file{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  std::vector<unsigned char> ihdr;
  be32(ihdr, 100000);
  be32(ihdr, 100000);
  ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});
  chunk(file, "IHDR", ihdr);
  chunk(file, "IDAT", {0x78, 0x9c, 0x03, 0x00});
  chunk(file, "IEND", {});
  TempDir dir;
  const auto path = dir / "huge.png";
  std::FILE* f = std::fopen(path.string().c_str(), "wb");
  REQUIRE(f);
  std::fwrite(file.data(), 1, file.size(), f);
  std::fclose(f);
  try {
    read_png(path);
    FAIL("read_png accepted the file");
  } catch (const IoError& e) {
    CHECK_THAT(e.what(), Catch::Contains(path.string()) && Catch::Contains("IHDR says 100000x100000 pixels"));
  }
}
