// Initial membrane potential (InitVType): zero, constant, uniform or Gaussian random, or read from a PVP file.
#pragma once
#include <span>

#include "core/geometry.hpp"
#include "core/layer_params.hpp"
#include "core/run_context.hpp"

namespace spv {

class Object;

// Fills v ([batch][y][x][f] restricted, this tile) for `owner`. Random values are keyed by the global neuron and
// batch index, so they do not depend on the decomposition.
void initialize_v(const Object& owner, const LayerParams& p, const LayerGeometry& g, std::span<float> v,
                  const RunContext& ctx);

}  // namespace spv
