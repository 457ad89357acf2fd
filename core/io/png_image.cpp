#include "core/io/png_image.hpp"

#include <png.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>

#include "core/errors.hpp"

namespace spv {

namespace {

// libpng reports errors through a callback that must not return; it longjmps back to the setjmp in the function
// driving libpng, after keeping the message here.
struct PngErrorSink {
  char message[256] = {};
};

void on_png_error(png_structp png, png_const_charp message) {
  auto* sink = static_cast<PngErrorSink*>(png_get_error_ptr(png));
  std::snprintf(sink->message, sizeof sink->message, "%s", message ? message : "unknown libpng error");
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

struct DecodedPng {
  png_uint_32 width = 0, height = 0;
  int channels = 0, bit_depth = 0;
};

// Everything between setjmp and a possible longjmp lives here with only trivially destructible locals; the buffers
// belong to the caller, so their state stays well defined after an error.
bool decode_png(std::FILE* file, std::uintmax_t file_bytes, PngErrorSink& sink, DecodedPng& out,
                std::vector<unsigned char>& bytes, std::vector<png_bytep>& rows) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &sink, on_png_error, on_png_warning);
  if (!png) {
    std::snprintf(sink.message, sizeof sink.message, "libpng could not start");
    return false;
  }
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    std::snprintf(sink.message, sizeof sink.message, "libpng could not start");
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_init_io(png, file);
  png_set_sig_bytes(png, 8);
  png_read_info(png, info);
  int color_type = png_get_color_type(png, info);
  int bit_depth = png_get_bit_depth(png, info);
  // Deflate packs at most 1032 bytes into one: a header asking for more image data (each row's filter byte and
  // samples, as stored) than the file could hold is damaged, and is refused before its rows are allocated.
  const double stored =
      double(png_get_image_height(png, info)) *
      (std::ceil(double(png_get_image_width(png, info)) * bit_depth * png_get_channels(png, info) / 8.0) + 1.0);
  if (stored > 1032.0 * double(file_bytes) + 1024.0) {
    char message[200];
    std::snprintf(message, sizeof message,
                  "IHDR says %lux%lu pixels (%.0f bytes of image data), more than a file of %ju bytes can hold",
                  static_cast<unsigned long>(png_get_image_width(png, info)),
                  static_cast<unsigned long>(png_get_image_height(png, info)), stored, file_bytes);
    png_error(png, message);
  }
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (color_type & PNG_COLOR_MASK_ALPHA) png_set_strip_alpha(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  out.width = png_get_image_width(png, info);
  out.height = png_get_image_height(png, info);
  out.channels = png_get_channels(png, info);
  out.bit_depth = png_get_bit_depth(png, info);
  const std::size_t row_bytes = png_get_rowbytes(png, info);
  bytes.resize(row_bytes * out.height);
  rows.resize(out.height);
  for (png_uint_32 y = 0; y < out.height; ++y) rows[y] = bytes.data() + y * row_bytes;
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

bool encode_png(std::FILE* file, PngErrorSink& sink, const Image& image, std::vector<png_bytep>& rows) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_png_error, on_png_warning);
  if (!png) {
    std::snprintf(sink.message, sizeof sink.message, "libpng could not start");
    return false;
  }
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    std::snprintf(sink.message, sizeof sink.message, "libpng could not start");
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_init_io(png, file);
  png_set_IHDR(png, info, png_uint_32(image.width), png_uint_32(image.height), 8,
               image.channels == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

std::string errno_text() { return std::generic_category().message(errno); }

}  // namespace

Image read_png(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::FILE* file = std::fopen(name.c_str(), "rb");
  if (!file) throw IoError(name, "cannot open PNG file: " + errno_text());
  unsigned char signature[8] = {};
  std::size_t got = std::fread(signature, 1, sizeof signature, file);
  if (got != sizeof signature || png_sig_cmp(signature, 0, sizeof signature) != 0) {
    std::fclose(file);
    throw IoError(name, got == 0 ? "is empty, not a PNG file" : "is not a PNG file (wrong signature)", 0);
  }
  std::error_code size_error;
  const std::uintmax_t file_bytes = std::filesystem::file_size(path, size_error);
  PngErrorSink sink;
  DecodedPng decoded;
  std::vector<unsigned char> bytes;
  std::vector<png_bytep> rows;
  bool ok = decode_png(file, size_error ? UINTMAX_MAX : file_bytes, sink, decoded, bytes, rows);
  std::fclose(file);
  if (!ok) throw IoError(name, std::string("truncated or corrupt PNG: ") + sink.message);

  Image image;
  image.width = int(decoded.width);
  image.height = int(decoded.height);
  image.channels = decoded.channels;
  const std::size_t n = std::size_t(image.width) * image.height * image.channels;
  image.values.resize(n);
  if (decoded.bit_depth == 16) {
    // libpng delivers 16-bit samples big-endian.
    for (std::size_t i = 0; i < n; ++i)
      image.values[i] = float(unsigned(bytes[2 * i]) << 8 | bytes[2 * i + 1]) / 65535.0f;
  } else {
    for (std::size_t i = 0; i < n; ++i) image.values[i] = float(bytes[i]) / 255.0f;
  }
  return image;
}

void write_png(const std::filesystem::path& path, const Image& image, bool stretch) {
  const std::string name = path.string();
  if (image.channels != 1 && image.channels != 3)
    throw IoError(name, "can only write 1 (grey) or 3 (RGB) channels, not " + std::to_string(image.channels));
  if (image.width < 1 || image.height < 1 ||
      image.values.size() != std::size_t(image.width) * image.height * image.channels)
    throw IoError(name, "image of " + std::to_string(image.width) + "x" + std::to_string(image.height) + "x" +
                            std::to_string(image.channels) + " has " + std::to_string(image.values.size()) + " values");
  float lo = 0.0f, scale = 1.0f;
  if (stretch) {
    auto [mn, mx] = std::minmax_element(image.values.begin(), image.values.end());
    lo = *mn;
    scale = *mx > *mn ? 1.0f / (*mx - *mn) : 0.0f;
  }
  std::vector<unsigned char> bytes(image.values.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    float v = std::clamp((image.values[i] - lo) * scale, 0.0f, 1.0f);
    bytes[i] = static_cast<unsigned char>(std::lround(v * 255.0f));
  }
  std::vector<png_bytep> rows(std::size_t(image.height));
  const std::size_t row_bytes = std::size_t(image.width) * image.channels;
  for (int y = 0; y < image.height; ++y) rows[std::size_t(y)] = bytes.data() + std::size_t(y) * row_bytes;

  const std::filesystem::path temp = name + ".part";
  std::FILE* file = std::fopen(temp.string().c_str(), "wb");
  if (!file) throw IoError(name, "cannot create " + temp.string() + ": " + errno_text());
  PngErrorSink sink;
  bool ok = encode_png(file, sink, image, rows);
  bool closed = std::fclose(file) == 0;
  if (!ok || !closed) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw IoError(name,
                  ok ? "cannot finish writing: " + errno_text() : std::string("cannot write PNG: ") + sink.message);
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::string why = ec.message();
    std::filesystem::remove(temp, ec);
    throw IoError(name, "cannot rename " + temp.string() + " into place: " + why);
  }
}

}  // namespace spv
