// How often each feature of a code layer is active, and the features ordered by that frequency.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/io/pvp_format.hpp"

namespace spv {

// For each feature f of the file's layer (nf entries): the number of (frame, x, y) at which f is non-zero. Frames
// are all the file's frames, batch elements included; a convolutional layer's positions add up.
std::vector<std::int64_t> activation_counts(const ActivityFile& file);

// Feature indices by descending count; equal counts keep ascending index so that the order is reproducible.
std::vector<int> order_by_frequency(std::span<const std::int64_t> counts);

}  // namespace spv
