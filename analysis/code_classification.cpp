#include "analysis/code_classification.hpp"

#include <map>

#include "analysis/classifiers.hpp"
#include "analysis/normalization.hpp"
#include "core/errors.hpp"

namespace spv {

ExampleSet examples_of_rows(const CodeMatrix& codes, std::span<const int> labels, std::span<const int> rows) {
  ExampleSet set;
  set.num_features = codes.cols;
  for (int r : rows) {
    if (r < 0 || r >= codes.rows || std::size_t(r) >= labels.size())
      throw Error("classification: row " + std::to_string(r) + " is outside the codes or labels");
    set.add_dense(codes.row(r), labels[std::size_t(r)]);
  }
  return set;
}

HoldOutSplit hold_out_split(std::span<const int> labels, int test_every) {
  if (test_every < 2) throw Error("hold-out split: test_every must be at least 2");
  HoldOutSplit s;
  std::map<int, int> seen;
  for (std::size_t i = 0; i < labels.size(); ++i)
    (++seen[labels[i]] % test_every == 0 ? s.test : s.train).push_back(int(i));
  return s;
}

double linear_accuracy(const CodeMatrix& train_codes, std::span<const int> train_labels,
                       std::span<const int> train_rows, const CodeMatrix& test_codes,
                       std::span<const int> test_labels, std::span<const int> test_rows) {
  if (train_codes.cols != test_codes.cols) throw Error("classification: train and test codes differ in size");
  const ExampleSet train = examples_of_rows(train_codes, train_labels, train_rows);
  const ExampleSet test = examples_of_rows(test_codes, test_labels, test_rows);
  if (train.size() == 0 || test.size() == 0) throw Error("classification: an empty training or test set");
  const Normalizer scale = fit_normalizer(train, Normalization::MaxAbs);
  const std::vector<int> predicted =
      train_and_predict(Method::LogisticRegression, normalize(scale, train), normalize(scale, test), {}, 1);
  return accuracy(predicted, test.labels);
}

}  // namespace spv
