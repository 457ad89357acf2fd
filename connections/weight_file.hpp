// Conversions between a connection's WeightStore and OpenPV shared-weight PVP data (FORMATS.md section 1).
#pragma once
#include <filesystem>
#include <string>

#include "connections/conv_geometry.hpp"
#include "connections/weight_store.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

SharedWeights to_shared_weights(const WeightStore& w, const ConvGeometry& g, double time);

// Copies file data into `w` when its shape (arbors, kernel grid, patch) matches; otherwise leaves `w` unchanged and
// returns a sentence comparing the file's shape with what the connection needs.
std::string copy_matching_weights(const SharedWeights& file, const ConvGeometry& g, WeightStore& w);

}  // namespace spv
