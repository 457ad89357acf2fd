// Supervised classifiers of feature vectors: logistic regression and a linear SVM (liblinear), an RBF SVM (libsvm).
#pragma once
#include <span>
#include <string>
#include <vector>

#include "analysis/example_set.hpp"

namespace spv {

// LogisticRegression: liblinear L2R_LR (L2-regularised, primal trust-region Newton, stopping tolerance 0.01).
// LinearSvm: liblinear L2R_L2LOSS_SVC_DUAL (squared hinge loss, dual coordinate descent, tolerance 0.1).
// Both add a bias feature of value 1 and separate several classes one-vs-rest.
// RbfSvm: libsvm C_SVC with the kernel exp(-gamma |x - y|^2) (tolerance 0.001, shrinking, 200 MB kernel cache),
// one-vs-one for several classes.
enum class Method { LogisticRegression, LinearSvm, RbfSvm };

// "lr", "linsvm", "rbf" (comma-separated, no repeats); throws Error otherwise.
std::vector<Method> parse_methods(const std::string& list);
std::string method_name(Method m);   // "lr", "linsvm", "rbf"
std::string method_title(Method m);  // "LR", "SVM linear", "SVM RBF"

struct MethodParams {
  double c = 1.0;
  double gamma = 0.0;  // RBF only; must be positive when training
};

// Trains `method` on `train` and returns the predicted label of each example of `test`. The liblinear dual solver
// visits examples in an order drawn from rand(); it is seeded with `seed` first so that runs repeat exactly (libsvm
// without probability estimates draws no random numbers). Throws Error when a solver rejects its parameters.
std::vector<int> train_and_predict(Method method, const ExampleSet& train, const ExampleSet& test,
                                   const MethodParams& params, unsigned seed = 1);

// Share of `predicted` equal to `truth` (same lengths, not empty).
double accuracy(std::span<const int> predicted, std::span<const int> truth);

// The RBF width that scales with the data: 1 / (features * variance of all feature values, zeros included), as
// scikit-learn's gamma = "scale"; 1 / features when every value is the same. Unlike libsvm's own default,
// 1 / features, it follows the data's spread, so it suits small-valued sparse codes as well as pixels in [0, 1]
// (MNIST: about 10 / features).
double scale_gamma(const ExampleSet& train);

// Lets the solvers print their progress to stderr (they are quiet otherwise).
void set_solver_output(bool verbose);

}  // namespace spv
