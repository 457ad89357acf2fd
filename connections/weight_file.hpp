// Conversions between a connection's WeightStore and OpenPV weight PVP data: shared kernels (docs/pvp-format.md)
// or non-shared patches (core/io/pvp_nonshared_weights.hpp).
#pragma once
#include <filesystem>
#include <string>

#include "connections/conv_geometry.hpp"
#include "connections/weight_store.hpp"
#include "core/io/pvp_format.hpp"
#include "core/io/pvp_nonshared_weights.hpp"

namespace spv {

SharedWeights to_shared_weights(const WeightStore& w, const ConvGeometry& g, double time);

// Copies file data into `w` when its shape (arbors, kernel grid, patch) matches; otherwise leaves `w` unchanged and
// returns a sentence comparing the file's shape with what the connection needs.
std::string copy_matching_weights(const SharedWeights& file, const ConvGeometry& g, WeightStore& w);

// Non-shared weights as a file frame. `shrunken`: as OpenPV writes its weight output, the values of each patch
// that land outside the post layer are zero; a checkpoint keeps them (they still count in normalisation).
NonsharedWeights to_nonshared_weights(const WeightStore& w, const ConvGeometry& g, double time, bool shrunken);
// As copy_matching_weights, for a non-shared file: arbors, patch and the number of patches must match.
std::string copy_matching_weights(const NonsharedWeights& file, const ConvGeometry& g, WeightStore& w);

// Reads frame `frame` of `path` into `w`, a shared-weight file for shared weights, a non-shared one otherwise;
// returns a sentence on a shape mismatch, "" on success (IoError for a file that cannot be read).
std::string read_weight_file(const std::filesystem::path& path, int frame, const ConvGeometry& g, WeightStore& w);
// Writes `w` as one frame (appended when `append`), shared or non-shared as `g` says.
void write_weight_file(const std::filesystem::path& path, const WeightStore& w, const ConvGeometry& g, double time,
                       bool append, bool compressed, bool shrunken);

}  // namespace spv
