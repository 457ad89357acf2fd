#include "analysis/weight_tiles.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "params/error.hpp"

namespace spv {

namespace {

std::vector<int> checked_order(std::span<const int> order, int nf) {
  if (order.empty()) {
    std::vector<int> identity(static_cast<std::size_t>(nf));
    std::iota(identity.begin(), identity.end(), 0);
    return identity;
  }
  if (order.size() != static_cast<std::size_t>(nf)) {
    throw Error("feature order lists " + std::to_string(order.size()) + " features but the dictionary has " +
                std::to_string(nf));
  }
  std::vector<bool> seen(static_cast<std::size_t>(nf), false);
  for (int f : order) {
    if (f < 0 || f >= nf || seen[static_cast<std::size_t>(f)]) {
      throw Error("feature order is not a permutation of 0.." + std::to_string(nf - 1) + " (feature " +
                  std::to_string(f) + ")");
    }
    seen[static_cast<std::size_t>(f)] = true;
  }
  return {order.begin(), order.end()};
}

float max_abs(std::span<const float> values) {
  float m = 0.0f;
  for (float v : values) m = std::max(m, std::fabs(v));
  return m;
}

}  // namespace

Image tile_dictionary(const SharedWeights& w, std::span<const int> feature_order, const TileOptions& options) {
  if (options.arbor < 0 || options.arbor >= w.arbors) {
    throw Error("arbor " + std::to_string(options.arbor) + " does not exist (the weights have " +
                std::to_string(w.arbors) + ")");
  }
  if (options.scale < 1) throw Error("tile scale must be at least 1, not " + std::to_string(options.scale));
  if (options.columns < 0) throw Error("tile columns must not be negative");
  if (w.nxp < 1 || w.nyp < 1 || w.nfp < 1 || w.kernels() < 1) throw Error("the weights hold no kernels to draw");

  const std::vector<int> order = checked_order(feature_order, w.nf_kernel);
  const int positions = w.nx_kernel * w.ny_kernel;
  const int tiles = w.kernels();
  const int columns = options.columns > 0 ? options.columns : int(std::ceil(std::sqrt(double(tiles)) - 1e-9));
  const int rows = (tiles + columns - 1) / columns;

  const bool colour = w.nfp == 3;
  const int sub_tiles = (w.nfp == 1 || colour) ? 1 : w.nfp;  // grey sub-tiles per kernel
  const int s = options.scale;
  const int tile_w = w.nxp * s, tile_h = w.nyp * s;
  const int cell_w = sub_tiles * tile_w + (sub_tiles - 1);

  Image image;
  image.channels = colour ? 3 : 1;
  image.width = columns * cell_w + (columns - 1);
  image.height = rows * tile_h + (rows - 1);
  image.values.assign(std::size_t(image.width) * image.height * image.channels, 0.0f);

  const std::size_t patch = w.patch_size();
  const float* arbor = w.values.data() + std::size_t(options.arbor) * w.kernels() * patch;
  const float dictionary_max = max_abs({arbor, std::size_t(tiles) * patch});

  for (int t = 0; t < tiles; ++t) {
    const int kernel = (t % positions) * w.nf_kernel + order[static_cast<std::size_t>(t / positions)];
    const std::span<const float> values(arbor + std::size_t(kernel) * patch, patch);
    const float m = options.normalization == TileNormalization::PerTile ? max_abs(values) : dictionary_max;
    const int x0 = (t % columns) * (cell_w + 1), y0 = (t / columns) * (tile_h + 1);
    for (int y = 0; y < tile_h; ++y) {
      for (int x = 0; x < tile_w; ++x) {
        // Weights are [y][x][f] with f fastest.
        const float* px = values.data() + (std::size_t(y / s) * w.nxp + x / s) * w.nfp;
        for (int f = 0; f < w.nfp; ++f) {
          const float v = m > 0.0f ? 0.5f + 0.5f * px[f] / m : 0.5f;
          if (colour) {
            image.at(x0 + x, y0 + y, f) = v;
          } else {
            image.at(x0 + f * (tile_w + 1) + x, y0 + y, 0) = v;
          }
        }
      }
    }
  }
  return image;
}

}  // namespace spv
