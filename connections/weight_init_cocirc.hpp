// CoCircWeight (OpenPV's): a Gauss2DWeight's distance Gaussian times a co-circularity factor, the closeness of the
// post feature's orientation to the one a circle through both neurons, tangent to the pre feature, gives there;
// lateral connections between oriented features that favour smooth contours.
#pragma once
#include "connections/weight_init_gauss2d.hpp"

namespace spv {

struct CocircWeightInit {
  Gauss2DWeightInit gauss;           // aspect, sigma, rMax, orientations, deltaThetaMax, flanks (strength unused)
  float sigma_cocirc = 0.5f * kPiF;  // width of the co-circularity factor, radians (<= 0: the factor minus 1)
  bool cocirc_self = false;          // a pre feature connects to the same feature at its own position
};

// Every arbor gets the same values. The pre layer must have one curvature per orientation (nf = numOrientationsPre):
// with several, OpenPV's curvature terms read a pre curvature it never sets, so there is nothing to match; with one,
// they are all 1 (sigmaKurve and deltaRadiusCurvature have no effect).
void init_cocirc(WeightStore& w, const ConvGeometry& g, const CocircWeightInit& s);

}  // namespace spv
