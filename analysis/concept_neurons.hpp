// Concept neurons: per class, the joint neuron whose activation, thresholded, best tells that class from the rest,
// from vision alone and from text alone (the paper's neuron 326).
#pragma once
#include <span>
#include <vector>

#include "analysis/code_matrix.hpp"

namespace spv {

// The rule "class when activation > threshold" that maximises balanced accuracy, (TPR + TNR) / 2, over the given
// inputs (an in-sample fit, as the paper's thresholding of neuron 326). Candidate thresholds lie halfway between
// consecutive distinct activations (below the lowest: lowest - 1); "never the class" scores 0.5 and is the
// fallback (threshold = the largest activation). Ties keep the highest threshold.
struct ThresholdFit {
  double balanced_accuracy = 0.5;
  double threshold = 0.0;
};
ThresholdFit best_threshold(std::span<const float> activation, std::span<const int> labels, int target);

// One neuron for one class: its fit from vision-only inputs and from text-only inputs.
struct ConceptNeuron {
  int neuron = -1;
  ThresholdFit vision, text;
  double weaker() const { return vision.balanced_accuracy < text.balanced_accuracy ? vision.balanced_accuracy
                                                                                   : text.balanced_accuracy; }
};

struct ClassConcepts {
  int label = 0;
  ConceptNeuron both;         // one neuron serving both: the largest weaker-modality balanced accuracy
  ConceptNeuron best_vision;  // the best neuron from vision alone (its text fit reported too)
  ConceptNeuron best_text;    // the best neuron from text alone
};

// For each class in `classes`: vision and text are the joint codes of the same test inputs (row i is input i,
// labelled labels[i]) inferred from one modality each. Ties go to the larger other-modality score, then the lower
// neuron index. Throws Error when the shapes or label counts differ.
std::vector<ClassConcepts> find_concept_neurons(const CodeMatrix& vision, const CodeMatrix& text,
                                                std::span<const int> labels, std::span<const int> classes);

// The distinct labels in ascending order.
std::vector<int> distinct_labels(std::span<const int> labels);

}  // namespace spv
