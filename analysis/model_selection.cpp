#include "analysis/model_selection.hpp"

#include <vector>

#include "params/error.hpp"

namespace spv {

ExampleSet split_every(const ExampleSet& set, int every, bool held_out) {
  if (every < 2) throw Error("a validation split needs every >= 2, not " + std::to_string(every));
  ExampleSet out;
  out.num_features = set.num_features;
  for (std::size_t r = 0; r < set.size(); ++r) {
    if ((r % std::size_t(every) == std::size_t(every) - 1) != held_out) continue;
    const std::size_t begin = set.row_start[r], end = set.row_start[r + 1];
    out.index.insert(out.index.end(), set.index.begin() + long(begin), set.index.begin() + long(end));
    out.value.insert(out.value.end(), set.value.begin() + long(begin), set.value.begin() + long(end));
    out.row_start.push_back(out.index.size());
    out.labels.push_back(set.labels[r]);
  }
  return out;
}

Selection select_params(Method method, const ExampleSet& train, std::span<const double> cs,
                        std::span<const double> gammas, int every, unsigned seed) {
  if (cs.empty()) throw Error("no C value to choose from");
  const bool rbf = method == Method::RbfSvm;
  if (rbf && gammas.empty()) throw Error("no gamma value to choose from");
  const std::size_t widths = rbf ? gammas.size() : 1;

  Selection best;
  best.params = {cs[0], rbf ? gammas[0] : 0.0};
  if (cs.size() * widths == 1) return best;

  const ExampleSet fit = split_every(train, every, false);
  const ExampleSet check = split_every(train, every, true);
  if (fit.size() == 0 || check.size() == 0) {
    throw Error("too few training examples (" + std::to_string(train.size()) + ") for a validation split");
  }
  for (double c : cs) {
    for (std::size_t g = 0; g < widths; ++g) {
      const MethodParams params{c, rbf ? gammas[g] : 0.0};
      const double score = accuracy(train_and_predict(method, fit, check, params, seed), check.labels);
      if (score > best.validation_accuracy) best = {params, score};
    }
  }
  return best;
}

}  // namespace spv
