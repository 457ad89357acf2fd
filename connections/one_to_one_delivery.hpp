// Delivery of connections between layers of the same size that map neuron k to neuron k: gsyn += scale * activity.
#pragma once
#include <span>

#include "core/geometry.hpp"

namespace spv {

// activity: pre [batch][y][x][f] extended; gsyn: post [batch][y][x][f] restricted; pre and post tiles equal in size.
void deliver_one_to_one(const LayerGeometry& pre, const LayerGeometry& post, std::span<const float> activity,
                        std::span<float> gsyn, float scale);

}  // namespace spv
