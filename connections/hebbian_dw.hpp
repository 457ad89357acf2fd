// The Hebbian weight change of one batch element, as OpenPV's HebbianUpdater forms it: every pre neuron of the tile
// or its halo with non-zero activity a adds dw_max * a * (post activity) to each weight of its kernel whose
// (edge-clipped) patch position lies on a post neuron of the tile, and one to that weight's contribution count.
#pragma once
#include <span>

#include "connections/conv_delivery.hpp"

namespace spv {

// `pre` is one batch element's extended pre activity (plan.pre() layout), `post` its extended post activity
// (plan.post() layout); `dw` and `counts` are one arbor's kernels ([kernel][y][x][f]) and are added into. Threads
// split the kernels and each weight adds its terms in ascending pre (y, x) order, so the sums do not depend on the
// thread count.
void accumulate_hebbian_dw(const ConvPlan& plan, std::span<const float> pre, std::span<const float> post,
                           float dw_max, std::span<float> dw, std::span<float> counts);

}  // namespace spv
