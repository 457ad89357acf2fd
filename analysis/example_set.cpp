#include "analysis/example_set.hpp"

#include <cerrno>
#include <cstdlib>
#include <fstream>

#include "core/errors.hpp"

namespace spv {

void ExampleSet::add_dense(std::span<const float> dense, int label) {
  if (dense.size() != static_cast<std::size_t>(num_features)) {
    throw Error("an example of " + std::to_string(dense.size()) + " features does not fit a set of " +
                std::to_string(num_features));
  }
  for (std::size_t k = 0; k < dense.size(); ++k) {
    if (dense[k] == 0.0f) continue;
    index.push_back(static_cast<int>(k));
    value.push_back(dense[k]);
  }
  row_start.push_back(index.size());
  labels.push_back(label);
}

void ExampleSet::add_sparse(std::span<const int> indices, std::span<const double> values, int label) {
  if (indices.size() != values.size()) throw Error("sparse example: indices and values differ in count");
  int previous = -1;
  for (std::size_t e = 0; e < indices.size(); ++e) {
    if (indices[e] <= previous || indices[e] >= num_features) {
      throw Error("sparse example: index " + std::to_string(indices[e]) + " is out of order or outside " +
                  std::to_string(num_features) + " features");
    }
    previous = indices[e];
    if (values[e] == 0.0) continue;
    index.push_back(indices[e]);
    value.push_back(values[e]);
  }
  row_start.push_back(index.size());
  labels.push_back(label);
}

std::vector<int> read_labels(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw IoError(path.string(), "cannot open the labels file");
  std::vector<int> labels;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    const char* begin = line.c_str() + first;
    char* end = nullptr;
    errno = 0;
    const long v = std::strtol(begin, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == '\r') ++end;
    if (end == begin || *end != '\0' || errno != 0 || v < -2147483647L || v > 2147483647L) {
      throw IoError(path.string(), "line " + std::to_string(number) + " is not one integer label: \"" + line + "\"");
    }
    labels.push_back(static_cast<int>(v));
  }
  if (labels.empty()) throw IoError(path.string(), "holds no labels");
  return labels;
}

ExampleSet examples_from_activity(const ActivityFile& file, std::span<const int> labels, const FrameMapping& mapping,
                                  const std::string& features_name, const std::string& labels_name) {
  if (mapping.skip < 0) throw Error("--skip must not be negative");
  if (mapping.frames_per_example < 1) throw Error("frames per example must be at least 1");
  const long frames = static_cast<long>(file.frames.size());
  const long k = mapping.frames_per_example;
  const long available = frames - mapping.skip;
  const std::string mapping_text = " (" + std::to_string(frames) + " frames, " + std::to_string(mapping.skip) +
                                   " skipped, " + std::to_string(k) + " per example)";
  if (available < 0 || available % k != 0) {
    throw Error(features_name + ": the frames left after skipping do not split into whole examples" + mapping_text);
  }
  const long examples = available / k;
  long wanted = static_cast<long>(labels.size());
  if (mapping.limit > 0) {
    if (mapping.limit > wanted) {
      throw Error(labels_name + " holds " + std::to_string(wanted) + " labels, fewer than the limit of " +
                  std::to_string(mapping.limit));
    }
    wanted = mapping.limit;
  }
  if (mapping.limit > 0 ? examples < wanted : examples != wanted) {
    throw Error(features_name + " holds " + std::to_string(examples) + " examples" + mapping_text + " but " +
                labels_name + " holds " + std::to_string(labels.size()) + " labels" +
                (mapping.limit > 0 ? " and the limit is " + std::to_string(mapping.limit) : std::string()) +
                "; map frames to examples with a skip and frames per example (--skip, --frame-every), or use only the "
                "first examples with a limit (--train-limit, --test-limit)");
  }
  ExampleSet set;
  set.num_features = file.header.nx * file.header.ny * file.header.nf;
  set.labels.reserve(static_cast<std::size_t>(wanted));
  for (long i = 0; i < wanted; ++i) {
    const auto frame = static_cast<std::size_t>(mapping.skip + i * k + k - 1);
    set.add_dense(file.frames[frame].values, labels[static_cast<std::size_t>(i)]);
  }
  return set;
}

ExampleSet load_examples(const std::filesystem::path& features, const std::filesystem::path& labels,
                         const FrameMapping& mapping) {
  const std::vector<int> label_values = read_labels(labels);
  const ActivityFile file = read_activity_file(features);
  return examples_from_activity(file, label_values, mapping, features.string(), labels.string());
}

}  // namespace spv
