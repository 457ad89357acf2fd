// Sparsity of a code layer and the share of its neurons that respond to both modalities.
#pragma once
#include <vector>

#include "analysis/code_matrix.hpp"

namespace spv {

// Share of all (input, neuron) entries that are non-zero: the paper's "percent active" of the joint layer.
double active_share(const CodeMatrix& codes);

// Per neuron, the share of inputs on which it is non-zero.
std::vector<double> neuron_active_shares(const CodeMatrix& codes);

// Multimodal joint neurons, after the paper's "306 of the 512 (59.76%) neurons activate for both visual and text
// input": a neuron responds to a modality when it is non-zero on more than `min_share` of the test inputs given in
// that modality alone (min_share 0: on at least one); it is multimodal when it responds to both. Shares are of all
// neurons of the layer.
struct ModalityResponse {
  int neurons = 0;
  int vision = 0, text = 0, both = 0, neither = 0;
  double min_share = 0.0;
  double multimodal_share() const { return neurons ? double(both) / neurons : 0.0; }
};
ModalityResponse modality_response(const CodeMatrix& vision_only, const CodeMatrix& text_only, double min_share);

// Modality-invariant neurons: a neuron's preferred class in a modality is the class with the highest mean activation
// over that modality's inputs, when that mean is strictly above every other class's (no preference otherwise, e.g.
// a silent neuron). Counts the neurons whose preferred class is the same from vision alone and from text alone.
// `labels` gives each row's class; `classes` the distinct labels.
int same_preferred_class(const CodeMatrix& vision_only, const CodeMatrix& text_only, const std::vector<int>& labels,
                         const std::vector<int>& classes);

}  // namespace spv
