#include "analysis/classifiers.hpp"

#include <algorithm>
#include <sstream>

#include "analysis/solvers.hpp"
#include "params/error.hpp"

namespace spv {

std::vector<Method> parse_methods(const std::string& list) {
  std::vector<Method> methods;
  std::stringstream in(list);
  std::string name;
  while (std::getline(in, name, ',')) {
    Method m;
    if (name == "lr") {
      m = Method::LogisticRegression;
    } else if (name == "linsvm") {
      m = Method::LinearSvm;
    } else if (name == "rbf") {
      m = Method::RbfSvm;
    } else {
      throw Error("unknown method \"" + name + "\" (lr, linsvm or rbf)");
    }
    if (std::find(methods.begin(), methods.end(), m) != methods.end()) {
      throw Error("method \"" + name + "\" is listed twice");
    }
    methods.push_back(m);
  }
  if (methods.empty()) throw Error("no method given (lr, linsvm, rbf)");
  return methods;
}

std::string method_name(Method m) {
  switch (m) {
    case Method::LogisticRegression: return "lr";
    case Method::LinearSvm: return "linsvm";
    case Method::RbfSvm: return "rbf";
  }
  return "?";
}

std::string method_title(Method m) {
  switch (m) {
    case Method::LogisticRegression: return "LR";
    case Method::LinearSvm: return "SVM linear";
    case Method::RbfSvm: return "SVM RBF";
  }
  return "?";
}

std::vector<int> train_and_predict(Method method, const ExampleSet& train, const ExampleSet& test,
                                   const MethodParams& params, unsigned seed) {
  if (train.size() == 0) throw Error("no training examples");
  if (test.num_features != train.num_features) {
    throw Error("training examples have " + std::to_string(train.num_features) + " features but test examples " +
                std::to_string(test.num_features));
  }
  if (!(params.c > 0.0)) throw Error("C must be positive");
  if (method == Method::RbfSvm) {
    if (!(params.gamma > 0.0)) throw Error("gamma must be positive");
    return rbf_svm_predict(train, test, params.c, params.gamma);
  }
  return linear_predict(method == Method::LogisticRegression, train, test, params.c, seed);
}

double accuracy(std::span<const int> predicted, std::span<const int> truth) {
  if (predicted.size() != truth.size() || truth.empty()) {
    throw Error("accuracy of " + std::to_string(predicted.size()) + " predictions against " +
                std::to_string(truth.size()) + " labels");
  }
  std::size_t right = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) right += predicted[i] == truth[i] ? 1 : 0;
  return double(right) / double(truth.size());
}

double scale_gamma(const ExampleSet& train) {
  const double n = double(train.num_features) * double(train.size());
  if (n <= 0.0) return 1.0;
  double sum = 0.0, sum_sq = 0.0;
  for (double v : train.value) {
    sum += v;
    sum_sq += v * v;
  }
  const double mean = sum / n;
  const double variance = sum_sq / n - mean * mean;
  return 1.0 / (double(train.num_features) * (variance > 1e-24 ? variance : 1.0));
}

void set_solver_output(bool verbose) {
  set_liblinear_output(verbose);
  set_libsvm_output(verbose);
}

}  // namespace spv
