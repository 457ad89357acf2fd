// PNG files as float images: reading any PNG (grey or RGB, alpha dropped) and writing 8-bit grey or RGB.
#pragma once
#include <cstddef>
#include <filesystem>
#include <vector>

namespace spv {

// Pixels [y][x][c], row 0 at the top, values nominally in [0, 1].
struct Image {
  int width = 0, height = 0, channels = 0;
  std::vector<float> values;

  float& at(int x, int y, int c) { return values[(std::size_t(y) * width + x) * channels + c]; }
  float at(int x, int y, int c) const { return values[(std::size_t(y) * width + x) * channels + c]; }
};

// Reads a PNG of any colour type and depth into 1 channel (grey, grey+alpha) or 3 (RGB, RGBA, palette), dividing
// 8-bit values by 255 and 16-bit values by 65535; alpha is dropped. A missing, non-PNG, truncated or corrupt file
// throws IoError naming the path.
Image read_png(const std::filesystem::path& path);

// Writes an 8-bit grey (1 channel) or RGB (3 channels) PNG through a temporary file renamed into place.
// Values are clamped to [0, 1] and scaled to 0..255; with `stretch`, the image's own [min, max] is mapped to 0..255
// instead (a flat image writes as 0). Throws IoError when the file cannot be written.
void write_png(const std::filesystem::path& path, const Image& image, bool stretch = false);

}  // namespace spv
