// Activity-triggered averages: what a neuron responds to, as the mean input weighted by the neuron's activity.
#pragma once
#include <span>
#include <vector>

#include "analysis/code_matrix.hpp"

namespace spv {

// For each neuron n in `neurons`: sum_i a_in x_i / sum_i a_in over the inputs i (rows of `codes` and `inputs`
// match), a_in the neuron's activity (its absolute value, so the weights are never negative). A neuron that is
// never active gets all zeros. Throws Error when the row counts differ.
std::vector<std::vector<float>> triggered_averages(const CodeMatrix& codes, const CodeMatrix& inputs,
                                                   std::span<const int> neurons);

}  // namespace spv
