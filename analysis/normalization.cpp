#include "analysis/normalization.hpp"

#include <algorithm>
#include <cmath>

#include "params/error.hpp"

namespace spv {

Normalization parse_normalization(const std::string& name) {
  if (name == "none") return Normalization::None;
  if (name == "l2") return Normalization::L2;
  if (name == "standardize") return Normalization::Standardize;
  if (name == "maxabs") return Normalization::MaxAbs;
  throw Error("unknown normalization \"" + name + "\" (none, l2, standardize or maxabs)");
}

std::string normalization_name(Normalization n) {
  switch (n) {
    case Normalization::None: return "none";
    case Normalization::L2: return "l2";
    case Normalization::Standardize: return "standardize";
    case Normalization::MaxAbs: return "maxabs";
  }
  return "?";
}

Normalizer fit_normalizer(const ExampleSet& train, Normalization kind) {
  Normalizer n;
  n.kind = kind;
  const auto features = static_cast<std::size_t>(train.num_features);
  if (kind == Normalization::MaxAbs) {
    std::vector<double> largest(features, 0.0);
    for (std::size_t e = 0; e < train.entries(); ++e) {
      auto& m = largest[static_cast<std::size_t>(train.index[e])];
      m = std::max(m, std::fabs(train.value[e]));
    }
    n.shift.assign(features, 0.0);
    n.scale.resize(features);
    for (std::size_t f = 0; f < features; ++f) n.scale[f] = largest[f] > 0.0 ? 1.0 / largest[f] : 0.0;
  } else if (kind == Normalization::Standardize) {
    // Sums over the stored entries only: the left-out zeros add nothing to either sum.
    std::vector<double> sum(features, 0.0), sum_sq(features, 0.0);
    for (std::size_t e = 0; e < train.entries(); ++e) {
      const auto f = static_cast<std::size_t>(train.index[e]);
      sum[f] += train.value[e];
      sum_sq[f] += train.value[e] * train.value[e];
    }
    const double count = std::max<double>(1.0, double(train.size()));
    n.shift.resize(features);
    n.scale.resize(features);
    for (std::size_t f = 0; f < features; ++f) {
      const double mean = sum[f] / count;
      const double variance = std::max(0.0, sum_sq[f] / count - mean * mean);
      n.shift[f] = mean;
      n.scale[f] = variance > 1e-24 ? 1.0 / std::sqrt(variance) : 0.0;
    }
  }
  return n;
}

ExampleSet normalize(const Normalizer& n, const ExampleSet& in) {
  if (n.kind == Normalization::None) return in;
  if ((n.kind == Normalization::MaxAbs || n.kind == Normalization::Standardize) &&
      n.scale.size() != static_cast<std::size_t>(in.num_features)) {
    throw Error("the normalizer was fitted on " + std::to_string(n.scale.size()) + " features, not " +
                std::to_string(in.num_features));
  }
  ExampleSet out;
  out.num_features = in.num_features;
  std::vector<double> dense(static_cast<std::size_t>(in.num_features));
  std::vector<int> indices;
  std::vector<double> values;
  for (std::size_t r = 0; r < in.size(); ++r) {
    indices.clear();
    values.clear();
    const std::size_t begin = in.row_start[r], end = in.row_start[r + 1];
    if (n.kind == Normalization::Standardize) {
      for (std::size_t f = 0; f < dense.size(); ++f) dense[f] = 0.0;
      for (std::size_t e = begin; e < end; ++e) dense[static_cast<std::size_t>(in.index[e])] = in.value[e];
      for (std::size_t f = 0; f < dense.size(); ++f) {
        indices.push_back(static_cast<int>(f));
        values.push_back((dense[f] - n.shift[f]) * n.scale[f]);
      }
    } else {
      double norm = 0.0;
      if (n.kind == Normalization::L2) {
        for (std::size_t e = begin; e < end; ++e) norm += in.value[e] * in.value[e];
        norm = norm > 0.0 ? 1.0 / std::sqrt(norm) : 1.0;
      }
      for (std::size_t e = begin; e < end; ++e) {
        indices.push_back(in.index[e]);
        values.push_back(n.kind == Normalization::L2 ? in.value[e] * norm
                                                     : in.value[e] * n.scale[static_cast<std::size_t>(in.index[e])]);
      }
    }
    out.add_sparse(indices, values, in.labels[r]);
  }
  return out;
}

}  // namespace spv
