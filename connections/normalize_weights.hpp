// Weight normalisation as OpenPV's normalizers do it: optional clean-up (central rMin region, negative weights,
// weights below a cutoff), then each kernel scaled so that its L2 norm, sum or maximum equals the strength.
#pragma once
#include <span>
#include <string>

#include "connections/weight_store.hpp"

namespace spv {

struct NormalizeSettings {
  std::string method = "none";  // normalizeL2, normalizeSum, normalizeMax or none
  double strength = 1.0;        // already multiplied by post/pre neurons for normalizeFromPostPerspective
  bool arbors_individually = false;
  double min_tolerated = 0.0;  // kernels whose norm (L2, |sum| or max) is at most this are left unchanged
  double r_min_x = 0.0, r_min_y = 0.0;
  bool nonnegative = false;
  double cutoff = 0.0;
};

// The settings from a connection's normalisation keys (HyPerConn's and CopyConn's, which share their names);
// post_per_pre is post's over pre's global neuron count, for normalizeFromPostPerspective.
template <class P>
NormalizeSettings normalize_settings_from(const P& q, double post_per_pre) {
  NormalizeSettings s;
  s.method = q.normalizeMethod;
  s.strength = q.strength * (q.normalizeFromPostPerspective ? post_per_pre : 1.0);
  s.arbors_individually = q.normalizeArborsIndividually;
  s.min_tolerated = q.normalizeMethod == "normalizeL2"    ? q.minL2NormTolerated
                    : q.normalizeMethod == "normalizeSum" ? q.minSumTolerated
                                                          : q.minMaxTolerated;
  s.r_min_x = q.rMinX;
  s.r_min_y = q.rMinY;
  s.nonnegative = q.nonnegativeConstraintFlag;
  s.cutoff = q.normalize_cutoff;
  return s;
}

void normalize_weights(WeightStore& w, const NormalizeSettings& s);
// OpenPV's normalizeGroup: the clean-up on each store, then each kernel index scaled by one factor taken over that
// kernel in every store of the group (all stores must have the same arbors and kernels).
void normalize_weight_group(std::span<WeightStore* const> group, const NormalizeSettings& s);

}  // namespace spv
