#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "analysis/classifiers.hpp"
#include "analysis/model_selection.hpp"
#include "analysis/normalization.hpp"

using namespace spv;

namespace {

// A uniform number in [-1, 1) from the raw engine output, so the data do not depend on the library's distributions.
double uniform(std::mt19937& rng) { return double(rng()) / 2147483648.0 - 1.0; }

// Three classes in 4-D around 3 * e_class, with noise of at most 0.5 per coordinate: linearly separable.
ExampleSet separable(int per_class, std::uint32_t seed) {
  std::mt19937 rng(seed);
  ExampleSet set;
  set.num_features = 4;
  for (int i = 0; i < per_class; ++i) {
    for (int c = 0; c < 3; ++c) {
      std::vector<float> x(4);
      for (int d = 0; d < 4; ++d) x[std::size_t(d)] = float((d == c ? 3.0 : 0.0) + 0.5 * uniform(rng));
      set.add_dense(x, c + 1);
    }
  }
  return set;
}

// XOR: points in [-1, 1]^2 at least 0.1 from both axes, labelled by the sign of x * y.
ExampleSet xor_set(int n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  ExampleSet set;
  set.num_features = 2;
  while (int(set.size()) < n) {
    const double x = uniform(rng), y = uniform(rng);
    if (std::abs(x) < 0.1 || std::abs(y) < 0.1) continue;
    set.add_dense(std::vector<float>{float(x), float(y)}, x * y > 0 ? 1 : 0);
  }
  return set;
}

double test_accuracy(Method m, const ExampleSet& train, const ExampleSet& test, MethodParams p) {
  return accuracy(train_and_predict(m, train, test, p), test.labels);
}

}  // namespace

TEST_CASE("linear methods classify a linearly separable set perfectly", "[classify]") {
  const ExampleSet train = separable(30, 1), test = separable(20, 2);
  const MethodParams params{1.0, scale_gamma(train)};
  CHECK(test_accuracy(Method::LogisticRegression, train, test, params) == 1.0);
  CHECK(test_accuracy(Method::LinearSvm, train, test, params) == 1.0);
  CHECK(test_accuracy(Method::RbfSvm, train, test, params) == 1.0);
}

TEST_CASE("the RBF SVM separates XOR, linear methods cannot", "[classify]") {
  const ExampleSet train = xor_set(400, 3), test = xor_set(400, 4);
  const MethodParams params{10.0, scale_gamma(train)};
  const double rbf = test_accuracy(Method::RbfSvm, train, test, params);
  const double lr = test_accuracy(Method::LogisticRegression, train, test, params);
  const double svm = test_accuracy(Method::LinearSvm, train, test, params);
  INFO("rbf " << rbf << ", lr " << lr << ", linear svm " << svm);
  // No half-plane gets more than about 3/4 of XOR right; the RBF SVM gets nearly all of it.
  CHECK(rbf >= 0.95);
  CHECK(lr <= 0.75);
  CHECK(svm <= 0.75);
  CHECK(rbf - std::max(lr, svm) >= 0.25);
}

TEST_CASE("training repeats exactly", "[classify]") {
  const ExampleSet train = xor_set(200, 5), test = xor_set(100, 6);
  for (Method m : {Method::LogisticRegression, Method::LinearSvm, Method::RbfSvm}) {
    const MethodParams params{1.0, 2.0};
    CHECK(train_and_predict(m, train, test, params, 7) == train_and_predict(m, train, test, params, 7));
  }
}

TEST_CASE("validation picks the RBF width that fits XOR", "[classify]") {
  const ExampleSet train = xor_set(300, 8);
  const std::vector<double> cs = {10.0}, gammas = {1e-4, 2.0};
  const Selection chosen = select_params(Method::RbfSvm, train, cs, gammas);
  CHECK(chosen.params.gamma == 2.0);
  CHECK(chosen.validation_accuracy >= 0.9);

  const std::vector<double> one_c = {3.0};
  const Selection single = select_params(Method::LogisticRegression, train, one_c, gammas);
  CHECK(single.params.c == 3.0);
  CHECK(single.validation_accuracy == -1.0);

  const ExampleSet held_out = split_every(train, 5, true), rest = split_every(train, 5, false);
  CHECK(held_out.size() == 60);
  CHECK(rest.size() == 240);
  CHECK(held_out.labels[0] == train.labels[4]);
  CHECK(rest.labels[4] == train.labels[5]);
}

TEST_CASE("methods and parameters are checked", "[classify]") {
  CHECK(parse_methods("lr,rbf") == std::vector<Method>{Method::LogisticRegression, Method::RbfSvm});
  CHECK_THROWS_WITH(parse_methods("lr,knn"), Catch::Contains("knn"));
  CHECK_THROWS_WITH(parse_methods("lr,lr"), Catch::Contains("twice"));
  const ExampleSet train = separable(5, 9);
  CHECK_THROWS_WITH(train_and_predict(Method::RbfSvm, train, train, {1.0, 0.0}), Catch::Contains("gamma"));
  CHECK_THROWS_WITH(train_and_predict(Method::LinearSvm, train, train, {-1.0, 1.0}), Catch::Contains("C must"));
}

TEST_CASE("normalisations are fitted on the training set", "[normalize]") {
  ExampleSet train;
  train.num_features = 3;
  train.add_dense(std::vector<float>{2, 0, 0}, 0);
  train.add_dense(std::vector<float>{-4, 3, 0}, 1);
  ExampleSet test;
  test.num_features = 3;
  test.add_dense(std::vector<float>{1, 6, 5}, 0);

  const ExampleSet maxabs = normalize(fit_normalizer(train, Normalization::MaxAbs), test);
  CHECK(maxabs.index == std::vector<int>{0, 1});  // feature 2 never seen in training: dropped
  CHECK(maxabs.value == std::vector<double>{0.25, 2.0});

  const ExampleSet l2 = normalize(fit_normalizer(train, Normalization::L2), train);
  REQUIRE(l2.value.size() == 3);
  CHECK(l2.value[0] == 1.0);
  CHECK(l2.value[1] == Approx(-0.8));
  CHECK(l2.value[2] == Approx(0.6));

  // Feature 0: mean -1, deviation 3; feature 1: mean 1.5, deviation 1.5; feature 2 constant: 0.
  const ExampleSet standard = normalize(fit_normalizer(train, Normalization::Standardize), test);
  CHECK(standard.index == std::vector<int>{0, 1});
  CHECK(standard.value[0] == Approx(2.0 / 3.0));
  CHECK(standard.value[1] == Approx(3.0));

  CHECK(parse_normalization("maxabs") == Normalization::MaxAbs);
  CHECK_THROWS_WITH(parse_normalization("minmax"), Catch::Contains("minmax"));
}
