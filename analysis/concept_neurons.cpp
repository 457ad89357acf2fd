#include "analysis/concept_neurons.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include "core/errors.hpp"

namespace spv {

namespace {

// Balanced accuracy of every threshold of one neuron for one class, given the inputs in descending activation
// order; sweeping the threshold down adds one group of equal activations at a time.
ThresholdFit sweep(std::span<const float> activation, std::span<const int> order, std::span<const int> labels,
                   int target, long positives) {
  const long negatives = long(labels.size()) - positives;
  ThresholdFit best;
  best.threshold = activation.empty() ? 0.0 : activation[std::size_t(order[0])];
  if (positives == 0 || negatives == 0) return best;
  long tp = 0, fp = 0;
  std::size_t i = 0;
  while (i < order.size()) {
    const float value = activation[std::size_t(order[i])];
    for (; i < order.size() && activation[std::size_t(order[i])] == value; ++i)
      (labels[std::size_t(order[i])] == target ? tp : fp) += 1;
    const double score = 0.5 * (double(tp) / positives + double(negatives - fp) / negatives);
    if (score > best.balanced_accuracy) {
      const double below = i < order.size() ? double(activation[std::size_t(order[i])]) : double(value) - 1.0;
      best = {score, 0.5 * (double(value) + below)};
    }
  }
  return best;
}

std::vector<int> descending_order(std::span<const float> activation) {
  std::vector<int> order(activation.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return activation[std::size_t(a)] > activation[std::size_t(b)]; });
  return order;
}

// Fits of every neuron for every class, [class][neuron].
std::vector<std::vector<ThresholdFit>> fit_all(const CodeMatrix& codes, std::span<const int> labels,
                                               std::span<const int> classes) {
  std::vector<long> positives(classes.size(), 0);
  for (std::size_t c = 0; c < classes.size(); ++c)
    positives[c] = long(std::count(labels.begin(), labels.end(), classes[c]));
  std::vector<std::vector<ThresholdFit>> fits(classes.size(), std::vector<ThresholdFit>(std::size_t(codes.cols)));
  for (int n = 0; n < codes.cols; ++n) {
    const std::vector<float> a = codes.column(n);
    const std::vector<int> order = descending_order(a);
    for (std::size_t c = 0; c < classes.size(); ++c)
      fits[c][std::size_t(n)] = sweep(a, order, labels, classes[c], positives[c]);
  }
  return fits;
}

// The neuron maximising key(v, t), ties to the larger tie_key, then the lower index.
template <class Key, class TieKey>
ConceptNeuron pick(const std::vector<ThresholdFit>& vision, const std::vector<ThresholdFit>& text, Key key,
                   TieKey tie_key) {
  ConceptNeuron best;
  double best_key = -1.0, best_tie = -1.0;
  for (std::size_t n = 0; n < vision.size(); ++n) {
    const double k = key(vision[n], text[n]), t = tie_key(vision[n], text[n]);
    if (k > best_key || (k == best_key && t > best_tie)) {
      best_key = k;
      best_tie = t;
      best = {int(n), vision[n], text[n]};
    }
  }
  return best;
}

}  // namespace

ThresholdFit best_threshold(std::span<const float> activation, std::span<const int> labels, int target) {
  if (activation.size() != labels.size()) throw Error("best_threshold: activations and labels differ in count");
  const std::vector<int> order = descending_order(activation);
  return sweep(activation, order, labels, target, long(std::count(labels.begin(), labels.end(), target)));
}

std::vector<ClassConcepts> find_concept_neurons(const CodeMatrix& vision, const CodeMatrix& text,
                                                std::span<const int> labels, std::span<const int> classes) {
  if (vision.cols != text.cols)
    throw Error("concept neurons: the vision-only and text-only codes have " + std::to_string(vision.cols) +
                " and " + std::to_string(text.cols) + " neurons");
  if (std::size_t(vision.rows) != labels.size() || std::size_t(text.rows) != labels.size())
    throw Error("concept neurons: " + std::to_string(labels.size()) + " labels but " +
                std::to_string(vision.rows) + " vision-only and " + std::to_string(text.rows) + " text-only inputs");
  const auto fv = fit_all(vision, labels, classes);
  const auto ft = fit_all(text, labels, classes);
  auto ba = [](const ThresholdFit& f) { return f.balanced_accuracy; };
  std::vector<ClassConcepts> out;
  for (std::size_t c = 0; c < classes.size(); ++c) {
    ClassConcepts cc;
    cc.label = classes[c];
    cc.both = pick(fv[c], ft[c], [&](auto& v, auto& t) { return std::min(ba(v), ba(t)); },
                   [&](auto& v, auto& t) { return std::max(ba(v), ba(t)); });
    cc.best_vision = pick(fv[c], ft[c], [&](auto& v, auto&) { return ba(v); }, [&](auto&, auto& t) { return ba(t); });
    cc.best_text = pick(fv[c], ft[c], [&](auto&, auto& t) { return ba(t); }, [&](auto& v, auto&) { return ba(v); });
    out.push_back(cc);
  }
  return out;
}

std::vector<int> distinct_labels(std::span<const int> labels) {
  const std::set<int> s(labels.begin(), labels.end());
  return {s.begin(), s.end()};
}

}  // namespace spv
