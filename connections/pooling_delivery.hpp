// The CPU deliveries of the pooling connections over a ConvPlan (pre and post of equal nf, each post feature pooling
// its own feature): max, sum and average pooling as OpenPV's PoolingDelivery forms them, and the routing back of
// TransposePoolingConn. Every post neuron visits its pre neurons in ascending order (y, then x) and threads split
// the post rows, so the bits depend neither on the rows x columns x batch split nor on the thread count.
#pragma once
#include <span>

#include "connections/conv_delivery.hpp"

namespace spv {

// The weight OpenPV gives each term of an average: 1 / (nxp * pre/post x scale * nyp * pre/post y scale), in float.
float avg_pooling_weight(const ConvGeometry& g);

// The global extended index (OpenPV's kPreGlobalExt) of pre neuron (x, y, f) in tile coordinates.
long global_ext_index(const LayerGeometry& g, int x, int y, int f);

// gsyn += the largest activity in each post neuron's window (ties: the last in order wins, as OpenPV's "<="). With
// `index` (post-shaped, restricted), index = global_ext_index of the winner, as a float; an empty `gsyn` records
// the winners only.
void deliver_max_pooling(const ConvPlan& plan, std::span<const float> activity, std::span<float> gsyn,
                         std::span<float> index);
// gsyn += w * (sum of the window). from_post: OpenPV's post perspective, each window row summed, then times w and
// added to a sum that starts at 0, added to gsyn at the end; else its pre perspective, gsyn += a * w term by term.
void deliver_sum_pooling(const ConvPlan& plan, std::span<const float> activity, std::span<float> gsyn, float w,
                         bool from_post);

// TransposePoolingConn of max pooling: `plan` is the transposed geometry (pre: the pooled layer, post: the
// original's pre). Each pooled neuron inside the layer with non-zero activity sends its value to the neuron its index
// names (the original pre layer's `original_pre` extended layout); a post neuron keeps the value of largest magnitude
// (ties: the first in order), and gsyn += it. `index` is the index layer's activity (layout `index_geometry`).
void deliver_unpool_max(const ConvPlan& plan, std::span<const float> activity, const LayerGeometry& index_geometry,
                        std::span<const float> index, const LayerGeometry& original_pre, std::span<float> gsyn);
// TransposePoolingConn of sum or average pooling, as OpenPV's CPU delivery does it: each post neuron takes the
// largest of 0 and the activities of the pooled neurons whose windows hold it; gsyn += that.
void deliver_unpool_spread(const ConvPlan& plan, std::span<const float> activity, std::span<float> gsyn);

}  // namespace spv
