// The feedback flip of the paper's toy example: an ambiguous digit is coded, then the contradicting text is added;
// how far the joint and first vision layer codes lie from each class centroid before and after.
#pragma once
#include <span>
#include <vector>

#include "analysis/code_matrix.hpp"

namespace spv {

// Mean code of each class 0 .. classes - 1 (a class with no input keeps a zero centroid).
std::vector<std::vector<float>> class_centroids(const CodeMatrix& codes, std::span<const int> labels, int classes);

double euclidean_distance(std::span<const float> a, std::span<const float> b);

struct FlipCase {
  int digit_label = 0, text_label = 0;
};

// One layer of one case: distances to the digit's and the text's class centroids before and after, and the
// nearest centroid over all classes (ties: the lower class).
struct FlipDistances {
  double digit_before = 0, text_before = 0, digit_after = 0, text_after = 0;
  int nearest_before = -1, nearest_after = -1;
  // The code moved from nearer the digit's class to nearer the text's class.
  bool flipped() const { return digit_before < text_before && text_after < digit_after; }
  // The code moved towards the text's class relative to the digit's: (d_text - d_digit) fell.
  bool moved_to_text() const { return text_after - digit_after < text_before - digit_before; }
};

// `states` holds two rows per case (before, after), cases in order. Throws Error on a size mismatch or a label
// outside the centroids.
std::vector<FlipDistances> flip_distances(const CodeMatrix& states, std::span<const FlipCase> cases,
                                          const std::vector<std::vector<float>>& centroids);

// One "digit_label text_label" pair per non-blank line; throws IoError naming the file and line otherwise.
std::vector<FlipCase> read_flip_cases(const std::filesystem::path& path);

}  // namespace spv
