// Gauss2DWeight: an oriented, optionally flanked and bowtie-clipped 2-D Gaussian per kernel, with OpenPV's
// orientation bookkeeping and its pre/post offsets (computed in float, in OpenPV's order, so that the values match).
#pragma once
#include "connections/conv_geometry.hpp"
#include "connections/weight_store.hpp"

namespace spv {

inline constexpr float kPiF = 3.1415926535897932f;  // OpenPV's PI, a float

struct Gauss2DWeightInit {
  float aspect = 1.0f, sigma = 0.8f, r_max = 1.4f, r_min = 0.0f;
  float strength = 1.0f;                              // the connection's strength key multiplies every value
  int orientations_post = -1, orientations_pre = -1;  // <= 0: the layer's nf
  float delta_theta_max = 2.0f * kPiF, theta_max = 1.0f;
  int num_flanks = 1;
  float flank_shift = 0.0f, rotate = 0.0f;
  bool bowtie = false;
  float bowtie_angle = 2.0f * kPiF;
  bool self_connection = false;  // pre and post are the same layer: no weight from a neuron to itself
};

// One kernel's patch seen from its pre neuron: post column i lies at x0 + i * dx and row j at y0 + j * dy (pre
// units), and the orientations of the pre feature and of each post feature.
struct KernelFrame {
  float x0 = 0, dx = 1, y0 = 0, dy = 1;
  int feature_pre = 0;
  int orientations_pre = 1, orientations_post = 1;
  float theta_pre = 0, theta0_post = 0, dtheta_post = 0;

  float theta_post(int f_post) const;
  // Whether post feature f_post is too far in orientation from the pre feature (|difference| > delta_theta_max).
  bool theta_too_far(float theta_post, float delta_theta_max) const;
};

KernelFrame kernel_frame(const ConvGeometry& g, const Gauss2DWeightInit& s, int kernel);

// Every arbor gets the same values; weights skipped by the orientation, colour or self rules are zero.
void init_gauss2d(WeightStore& w, const ConvGeometry& g, const Gauss2DWeightInit& s);

}  // namespace spv
