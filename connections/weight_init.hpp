// Initial values of shared weights: uniform (with sparsity), discrete uniform and Gaussian random from the
// counter-based RNG, constant, one-to-one (with delays) and OpenPV's SmartWeight. A random weight depends only on the
// key (seed, connection) and its index, never on threads or ranks.
#pragma once
#include "connections/weight_store.hpp"
#include "core/rng.hpp"

namespace spv {

struct UniformWeightInit {
  double w_min = 0.0, w_max = 1.0;
  double sparse_fraction = 0.0;  // probability that a weight is zero
  int min_nnz = 0;               // at least this many non-zero draws per kernel
};

// w_min + (w_max - w_min) u with u uniform in [0, 1); each draw is zero with probability sparse_fraction while the
// kernel can spare it (OpenPV's order: when min_nnz > 0 the draws fill the kernel from a random start, wrapping).
void init_uniform_random(WeightStore& w, const RngKey& key, const UniformWeightInit& u);
// mean + stdev * N(0, 1).
void init_gaussian_random(WeightStore& w, const RngKey& key, double mean, double stdev);
// Each kernel k is zero except `value` at the patch centre for post feature k (OpenPV's OneToOneWeights).
void init_one_to_one(WeightStore& w, float value);
// w_min + (w_max - w_min) / (num_values - 1) * n with n uniform in {0, ..., num_values - 1} (num_values >= 2).
void init_discrete_uniform_random(WeightStore& w, const RngKey& key, double w_min, double w_max, int num_values);
// Every weight `value` (OpenPV's UniformWeight); with only_same_features, post features other than
// (kernel index mod nfp) are zero.
void init_uniform(WeightStore& w, float value, bool only_same_features);
// Every weight of kernel k is k (OpenPV's SmartWeight, a test pattern).
void init_smart(WeightStore& w);
// Arbor a of kernel k is 1 at the patch centre for post feature arbors * k + a, else zero (each arbor, a delay,
// reaches its own post feature).
void init_one_to_one_with_delays(WeightStore& w);

}  // namespace spv
