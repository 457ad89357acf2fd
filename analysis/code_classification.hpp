// Linear classification of joint codes (liblinear logistic regression through analysis/classifiers).
#pragma once
#include <span>
#include <vector>

#include "analysis/code_matrix.hpp"
#include "analysis/example_set.hpp"

namespace spv {

// Rows `rows` of `codes` as examples labelled from `labels`.
ExampleSet examples_of_rows(const CodeMatrix& codes, std::span<const int> labels, std::span<const int> rows);

// A fixed stratified split of labelled inputs: within each class, in data order, every `test_every`-th input (the
// class's inputs test_every - 1, 2 test_every - 1, ...) is held out for testing and the rest train, so both parts
// hold every class whatever the data order.
struct HoldOutSplit {
  std::vector<int> train, test;
};
HoldOutSplit hold_out_split(std::span<const int> labels, int test_every);

// Logistic regression (C = 1, max-abs scaling fitted on the training rows) trained on `train_codes` rows and tested
// on `test_codes` rows: accuracy in [0, 1]. Codes of the same inputs in other modes may be given as train and test
// (train on vision-only codes, test on text-only codes of other inputs).
double linear_accuracy(const CodeMatrix& train_codes, std::span<const int> train_labels,
                       std::span<const int> train_rows, const CodeMatrix& test_codes,
                       std::span<const int> test_labels, std::span<const int> test_rows);

}  // namespace spv
