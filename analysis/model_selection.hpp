// Choosing C (and gamma) from short lists on a held-out part of the training set.
#pragma once
#include <span>

#include "analysis/classifiers.hpp"
#include "analysis/example_set.hpp"

namespace spv {

// The examples whose position i satisfies (i % every == every - 1) == `held_out`: every `every`-th example, or the
// rest. A fixed pattern rather than a random draw, so that the split repeats exactly.
ExampleSet split_every(const ExampleSet& set, int every, bool held_out);

struct Selection {
  MethodParams params;
  double validation_accuracy = -1.0;  // -1 when there was a single candidate and nothing was trained
};

// Trains on all but every `every`-th training example for each (C, gamma) pair (gamma only for RbfSvm), measures the
// accuracy on the held-out ones and returns the best pair; ties keep the earlier pair in list order (C outer, gamma
// inner). With one candidate it is returned as is. Throws Error for empty lists or too few examples to split.
Selection select_params(Method method, const ExampleSet& train, std::span<const double> cs,
                        std::span<const double> gammas, int every = 5, unsigned seed = 1);

}  // namespace spv
