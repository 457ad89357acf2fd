// The calls into liblinear and libsvm, kept apart so that only their two sources see the libraries' C headers.
#pragma once
#include <vector>

#include "analysis/example_set.hpp"

namespace spv {

// liblinear: L2R_LR when `logistic`, else L2R_L2LOSS_SVC_DUAL; srand(seed) before training.
std::vector<int> linear_predict(bool logistic, const ExampleSet& train, const ExampleSet& test, double c,
                                unsigned seed);
// libsvm: C_SVC with an RBF kernel.
std::vector<int> rbf_svm_predict(const ExampleSet& train, const ExampleSet& test, double c, double gamma);

void set_liblinear_output(bool verbose);
void set_libsvm_output(bool verbose);

}  // namespace spv
