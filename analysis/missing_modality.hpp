// Missing-modality generation scored: is the text that vision alone generates down the text stream legible?
#pragma once
#include <span>
#include <vector>

#include "analysis/code_matrix.hpp"

namespace spv {

// Pearson correlation of two equally long vectors; 0 when either is constant.
double correlation(std::span<const float> a, std::span<const float> b);

// Per generated image (row of `generated`, labelled labels[i]): the class whose clean rendering (row c of `clean`
// is class c's name) correlates best with it (ties: the lower class), and that correlation. An image that
// correlates positively with no rendering (a blank or flat one, say) matches no class: best_class -1. A generated
// image is legible when its best match is its own class.
struct LegibilityResult {
  std::vector<int> best_class;
  std::vector<double> best_correlation, own_correlation;
  int legible = 0;
  int unmatched = 0;  // images with best_class -1
  double legible_share() const { return best_class.empty() ? 0.0 : double(legible) / double(best_class.size()); }
};
// Throws Error when the sizes differ or a label has no clean rendering.
LegibilityResult score_legibility(const CodeMatrix& generated, const CodeMatrix& clean, std::span<const int> labels);

}  // namespace spv
