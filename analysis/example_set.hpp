// Labelled examples for the classifiers, as sparse rows, and how an activity file's frames become examples.
#pragma once
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/io/pvp_format.hpp"

namespace spv {

// Rows of features (0-based indices, zeros left out) with one integer label each.
struct ExampleSet {
  int num_features = 0;
  std::vector<std::size_t> row_start{0};  // row r holds entries row_start[r] .. row_start[r + 1] - 1
  std::vector<int> index;
  std::vector<double> value;
  std::vector<int> labels;

  std::size_t size() const { return labels.size(); }
  std::size_t entries() const { return index.size(); }
  // Appends one example from dense values (their count must be num_features), keeping the non-zero ones.
  void add_dense(std::span<const float> dense, int label);
  // Appends one example from (index, value) pairs in ascending index order, skipping zeros.
  void add_sparse(std::span<const int> indices, std::span<const double> values, int label);
};

// Which frames of an activity file are the examples. After dropping `skip` leading frames (an initial t = 0 write,
// say), the frames come in groups of `frames_per_example` per example (a layer written every step of a display
// period) and the last frame of each group, the settled code, is the example: example i is frame
// skip + i * frames_per_example + frames_per_example - 1. Frames are counted in file order across batch elements.
// `limit` > 0 keeps only the first `limit` examples (and labels).
struct FrameMapping {
  int skip = 0;
  int frames_per_example = 1;
  long limit = 0;
};

// One integer per line (blank lines ignored); throws IoError naming the file and line for anything else.
std::vector<int> read_labels(const std::filesystem::path& path);

// Builds the examples of `file` under `mapping`, labelled in order by `labels`. The frames left after `skip` must be
// exactly labels.size() * frames_per_example (or, with a limit, at least limit * frames_per_example); otherwise
// throws Error naming `features_name`, `labels_name` and the counts. Sparse and dense files give the same rows.
ExampleSet examples_from_activity(const ActivityFile& file, std::span<const int> labels, const FrameMapping& mapping,
                                  const std::string& features_name, const std::string& labels_name);

// Reads both files and calls examples_from_activity.
ExampleSet load_examples(const std::filesystem::path& features, const std::filesystem::path& labels,
                         const FrameMapping& mapping);

}  // namespace spv
