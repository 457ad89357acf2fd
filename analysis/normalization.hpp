// Feature scaling before classification, fitted on the training set and applied unchanged to the test set.
#pragma once
#include <string>
#include <vector>

#include "analysis/example_set.hpp"

namespace spv {

// None: features as read. L2: each example divided by its Euclidean norm. Standardize: each feature minus its
// training mean, divided by its training standard deviation (this fills in the zeros, so sparse codes become dense
// and the SVMs slow down). MaxAbs: each feature divided by its largest training |value|, so features lie in
// [-1, 1] and zeros stay zeros. A feature that is constant (standardize) or always zero (maxabs) in training is
// left at 0.
enum class Normalization { None, L2, Standardize, MaxAbs };

// "none", "l2", "standardize", "maxabs"; throws Error otherwise.
Normalization parse_normalization(const std::string& name);
std::string normalization_name(Normalization n);

struct Normalizer {
  Normalization kind = Normalization::None;
  std::vector<double> shift, scale;  // per feature: x' = (x - shift) * scale
};

Normalizer fit_normalizer(const ExampleSet& train, Normalization kind);
ExampleSet normalize(const Normalizer& normalizer, const ExampleSet& examples);

}  // namespace spv
