// Draws a shared-weight dictionary as one image: each kernel a tile, tiles in a grid, 0 drawn as mid grey.
#pragma once
#include <span>

#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

// Scale of the grey (or colour) ramp: the largest |weight| of each kernel, or of the whole dictionary (which keeps
// the kernels' relative strength visible).
enum class TileNormalization { PerTile, PerDictionary };

struct TileOptions {
  int columns = 0;  // tiles per row; 0 picks ceil(sqrt(tiles))
  int scale = 1;    // each weight becomes a scale x scale block; separators stay 1 pixel
  int arbor = 0;
  TileNormalization normalization = TileNormalization::PerTile;
};

// A weight w becomes 0.5 + 0.5 * w / m (m the normalisation's largest |weight|, a flat kernel stays 0.5), so 0 is
// grey 128 in the PNG and -m, +m are 0 and 255. nfp = 1 draws grey tiles and nfp = 3 colour tiles; any other nfp
// draws each kernel as nfp grey sub-tiles side by side (feature 0 leftmost), 1 pixel apart. Tiles are 1 pixel apart
// and the separators and unused grid cells are black.
//
// `feature_order` lists the kernel features (0 .. nf_kernel - 1) in drawing order, row by row; empty means
// ascending. When the kernel grid has several positions (nx_kernel * ny_kernel > 1), each feature's kernels are
// drawn one after the other in position order. Throws Error for an order that is not a permutation, a bad arbor,
// columns or scale.
Image tile_dictionary(const SharedWeights& weights, std::span<const int> feature_order, const TileOptions& options);

}  // namespace spv
