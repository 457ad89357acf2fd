// The Hebbian weight change of one batch element, as OpenPV's HebbianUpdater forms it: every pre neuron of the tile
// or its halo with non-zero activity a adds dw_max * a * (post activity) to each weight of its kernel whose
// (edge-clipped) patch position lies on a post neuron of the tile, and one to that weight's contribution count.
//
// The sums are exact integers, so that they do not depend on how the terms are grouped: by tiles of a rows x columns
// split, by batch slices, or by threads. Each term, a float as OpenPV rounds it ((dWMax * pre) * post), is cut to a
// multiple of a power-of-two unit (toward zero) and added as an integer count of that unit. The unit comes from a
// bound on every term of the update, the same on every rank (DwGrid), so that the integers of all terms of a weight
// add up without overflow and each term keeps at least 62 - log2(terms) bits relative to the largest term.
#pragma once
#include <cstdint>
#include <span>

#include "connections/conv_delivery.hpp"

namespace spv {

struct DwGrid {
  int exponent = 0;         // the unit is 2^exponent
  bool finite = true;       // false when some activity is not finite: every dW is then NaN
  double scale() const;     // 2^-exponent: term * scale() in units
  double unit() const;      // 2^exponent
};

// The grid for terms of magnitude at most `max_term` (a bound over every rank's terms), at most `max_terms` of them
// adding into one weight.
DwGrid dw_grid(double max_term, double max_terms);

// The largest |activity| over the pre neurons that the plan's tile reads (halo included) in `pre`, and over the
// tile's post neurons in `post` (one batch element each, extended layouts); +infinity when one is not finite.
float max_pre_activity(const ConvPlan& plan, std::span<const float> pre);
float max_post_activity(const ConvPlan& plan, std::span<const float> post);

// `pre` is one batch element's extended pre activity (plan.pre() layout), `post` its extended post activity
// (plan.post() layout); `dw` (in grid units) and `counts` are one arbor's kernels ([kernel][y][x][f]) and are added
// into. Threads split the kernels.
void accumulate_hebbian_dw(const ConvPlan& plan, std::span<const float> pre, std::span<const float> post,
                           float dw_max, const DwGrid& grid, std::span<std::int64_t> dw,
                           std::span<std::int64_t> counts);
// The same for non-shared weights (plan.geometry().shared false; accumulate_hebbian_dw calls it): `dw` and `counts`
// are one arbor's patches.
void accumulate_hebbian_dw_nonshared(const ConvPlan& plan, std::span<const float> pre, std::span<const float> post,
                                     float dw_max, const DwGrid& grid, std::span<std::int64_t> dw,
                                     std::span<std::int64_t> counts);

}  // namespace spv
