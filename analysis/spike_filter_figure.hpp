// The figure of E5: per true unit, its spike shape (grey) with the learned filter assigned to it drawn over it
// (aligned at the best shift and scaled by least squares), labelled with the filter error.
#pragma once
#include <vector>

#include "analysis/spike_sorting.hpp"
#include "core/io/png_image.hpp"

namespace spv::spikes {

Image filter_figure(const std::vector<std::vector<float>>& truth, const std::vector<std::vector<float>>& learned,
                    const std::vector<UnitMatch>& matches);

}  // namespace spv::spikes
