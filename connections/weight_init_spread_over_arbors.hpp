// SpreadOverArborsWeight: each post cell's weight weightInit is shared between the two arbors whose angular zones
// (numAxonalArbors equal sectors of the rotated patch) its direction falls between, in proportion to how close it is.
#pragma once
#include "connections/weight_init_gauss2d.hpp"

namespace spv {

// Uses the orientation keys of s (and the pre/post offsets of Gauss2DWeight); its Gaussian keys are not read.
void init_spread_over_arbors(WeightStore& w, const ConvGeometry& g, const Gauss2DWeightInit& s, float weight_init);

}  // namespace spv
