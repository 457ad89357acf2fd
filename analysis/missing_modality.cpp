#include "analysis/missing_modality.hpp"

#include <cmath>

#include "core/errors.hpp"

namespace spv {

double correlation(std::span<const float> a, std::span<const float> b) {
  const std::size_t n = a.size();
  if (n == 0 || b.size() != n) return 0.0;
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < n; ++i) {
    ma += a[i];
    mb += b[i];
  }
  ma /= double(n);
  mb /= double(n);
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double da = a[i] - ma, db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

LegibilityResult score_legibility(const CodeMatrix& generated, const CodeMatrix& clean,
                                  std::span<const int> labels) {
  if (generated.cols != clean.cols)
    throw Error("legibility: generated images have " + std::to_string(generated.cols) +
                " pixels but the clean renderings " + std::to_string(clean.cols));
  if (std::size_t(generated.rows) != labels.size())
    throw Error("legibility: " + std::to_string(generated.rows) + " generated images but " +
                std::to_string(labels.size()) + " labels");
  LegibilityResult r;
  for (int i = 0; i < generated.rows; ++i) {
    const int label = labels[std::size_t(i)];
    if (label < 0 || label >= clean.rows)
      throw Error("legibility: label " + std::to_string(label) + " has no clean rendering (" +
                  std::to_string(clean.rows) + " given)");
    int best = -1;
    double best_c = 0.0, own = 0.0;
    for (int c = 0; c < clean.rows; ++c) {
      const double k = correlation(generated.row(i), clean.row(c));
      if (k > best_c) {
        best_c = k;
        best = c;
      }
      if (c == label) own = k;
    }
    r.best_class.push_back(best);
    r.best_correlation.push_back(best_c);
    r.own_correlation.push_back(own);
    r.legible += best == label;
    r.unmatched += best < 0;
  }
  return r;
}

}  // namespace spv
