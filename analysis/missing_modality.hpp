// Missing-modality generation scored: is the text that vision alone generates down the text stream legible?
#pragma once
#include <span>
#include <vector>

#include "analysis/code_matrix.hpp"

namespace spv {

// Pearson correlation of two equally long vectors; 0 when either is constant.
double correlation(std::span<const float> a, std::span<const float> b);

// The reference renderings: `clean` holds renderings_per_class rows per class, class-major (row r is class
// r / renderings_per_class: e.g. the ten names in one style, or in every font and case), compared also shifted by
// up to max_shift_x, max_shift_y pixels (the data's text shifts), zero filled.
struct LegibilityOptions {
  int renderings_per_class = 1;
  int max_shift_x = 0, max_shift_y = 0;
};

// Per generated image (row of `generated`, labelled labels[i]): the class of the reference rendering, in any of its
// shifts, that correlates best with it (ties: the lower row, then the smaller shift), and that correlation. An image
// that correlates positively with no rendering (a blank or flat one, say) matches no class: best_class -1. A
// generated image is legible when its best match is its own class.
struct LegibilityResult {
  std::vector<int> best_class;
  std::vector<double> best_correlation, own_correlation;  // own: the best with its own class (0 if none positive)
  int legible = 0;
  int unmatched = 0;  // images with best_class -1
  double legible_share() const { return best_class.empty() ? 0.0 : double(legible) / double(best_class.size()); }
};
// Throws Error when the sizes differ, the rows are not whole classes or a label has no clean rendering.
LegibilityResult score_legibility(const CodeMatrix& generated, const CodeMatrix& clean, std::span<const int> labels,
                                  const LegibilityOptions& options = {});

}  // namespace spv
