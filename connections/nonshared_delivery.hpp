// The CPU delivery of a connection with non-shared weights (sharedWeights = false): each pre neuron delivers with its
// own patch. A gather: every post neuron adds its terms in ascending pre order (y, x, f), zero activity skipped, as
// the shared-weight deliveries do; threads split the post rows. The terms of a post neuron are the same on every
// split, so the sums do not depend on the rows x columns x batch split or the thread count.
#pragma once
#include <span>

#include "connections/conv_delivery.hpp"

namespace spv {

// gsyn (post [batch][y][x][f] restricted) += W * activity (pre [batch][y][x][f] extended) for one arbor's patches
// ([patch][y][x][f], patch = ConvGeometry::patch_index of the pre neuron's global position).
void deliver_nonshared(const ConvPlan& plan, std::span<const float> activity, std::span<const float> patches,
                       std::span<float> gsyn);

}  // namespace spv
