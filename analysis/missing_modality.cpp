#include "analysis/missing_modality.hpp"

#include <cmath>
#include <vector>

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

namespace {

// v (ny x nx x nf, f fastest) moved by dx, dy pixels, zero filled.
std::vector<float> shifted(std::span<const float> v, int nx, int ny, int nf, int dx, int dy) {
  std::vector<float> out(v.size(), 0.0f);
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x) {
      const int sx = x - dx, sy = y - dy;
      if (sx < 0 || sx >= nx || sy < 0 || sy >= ny) continue;
      for (int f = 0; f < nf; ++f)
        out[(std::size_t(y) * nx + x) * nf + f] = v[(std::size_t(sy) * nx + sx) * nf + f];
    }
  return out;
}

// v minus its mean, scaled to unit norm, so that a dot product of two is their Pearson correlation; empty when v is
// constant (correlation 0 with anything).
std::vector<double> standardized(std::span<const float> v) {
  double m = 0;
  for (float x : v) m += x;
  m /= double(v.size());
  std::vector<double> out(v.size());
  double ss = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    out[i] = v[i] - m;
    ss += out[i] * out[i];
  }
  if (!(ss > 0)) return {};
  const double s = 1.0 / std::sqrt(ss);
  for (double& x : out) x *= s;
  return out;
}

}  // namespace

LegibilityResult score_legibility(const CodeMatrix& generated, const CodeMatrix& clean, std::span<const int> labels,
                                  const LegibilityOptions& o) {
  if (generated.cols != clean.cols)
    throw Error("legibility: generated images have " + std::to_string(generated.cols) +
                " pixels but the clean renderings " + std::to_string(clean.cols));
  if (std::size_t(generated.rows) != labels.size())
    throw Error("legibility: " + std::to_string(generated.rows) + " generated images but " +
                std::to_string(labels.size()) + " labels");
  const int per = o.renderings_per_class;
  if (per < 1 || clean.rows % per != 0)
    throw Error("legibility: " + std::to_string(clean.rows) + " clean renderings are not whole classes of " +
                std::to_string(per));
  const bool shifts = o.max_shift_x > 0 || o.max_shift_y > 0;
  if (shifts && std::size_t(clean.nx) * clean.ny * clean.nf != std::size_t(clean.cols))
    throw Error("legibility: shifted comparison needs the renderings' shape");
  const int classes = clean.rows / per;
  // Every reference once: (class, standardized rendering), each rendering in every shift.
  std::vector<int> ref_class;
  std::vector<std::vector<double>> refs;
  for (int r = 0; r < clean.rows; ++r)
    for (int dy = -o.max_shift_y; dy <= o.max_shift_y; ++dy)
      for (int dx = -o.max_shift_x; dx <= o.max_shift_x; ++dx) {
        const std::vector<float> img = shifts ? shifted(clean.row(r), clean.nx, clean.ny, clean.nf, dx, dy)
                                              : std::vector<float>(clean.row(r).begin(), clean.row(r).end());
        refs.push_back(standardized(img));
        ref_class.push_back(r / per);
      }
  LegibilityResult res;
  for (int i = 0; i < generated.rows; ++i) {
    const int label = labels[std::size_t(i)];
    if (label < 0 || label >= classes)
      throw Error("legibility: label " + std::to_string(label) + " has no clean rendering (" +
                  std::to_string(classes) + " classes given)");
    const std::vector<double> g = standardized(generated.row(i));
    int best = -1;
    double best_c = 0.0, own = 0.0;
    if (!g.empty())
      for (std::size_t r = 0; r < refs.size(); ++r) {
        if (refs[r].empty()) continue;
        double k = 0;
        for (std::size_t j = 0; j < g.size(); ++j) k += g[j] * refs[r][j];
        if (k > best_c) {
          best_c = k;
          best = ref_class[r];
        }
        if (ref_class[r] == label && k > own) own = k;
      }
    res.best_class.push_back(best);
    res.best_correlation.push_back(best_c);
    res.own_correlation.push_back(own);
    res.legible += best == label;
    res.unmatched += best < 0;
  }
  return res;
}

}  // namespace spv
