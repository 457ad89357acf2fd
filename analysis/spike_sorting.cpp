#include "analysis/spike_sorting.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace spv::spikes {

namespace {

double dot(std::span<const float> a, std::span<const float> b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += double(a[i]) * b[i];
  return s;
}

// Least summed error over assignments of units u.. to unused filters (units beyond the filters get none).
void assign(const std::vector<std::vector<Alignment>>& table, std::size_t u, std::vector<int>& current,
            std::vector<bool>& used, double sum, double& best_sum, std::vector<int>& best) {
  if (u == table.size()) {
    if (sum < best_sum) best_sum = sum, best = current;
    return;
  }
  for (std::size_t f = 0; f < used.size(); ++f) {
    if (used[f]) continue;
    used[f] = true;
    current[u] = int(f);
    assign(table, u + 1, current, used, sum + table[u][f].error, best_sum, best);
    used[f] = false;
  }
  // No filter (error 1, the most there is): never better unless it leaves a filter to a unit it fits better.
  current[u] = -1;
  assign(table, u + 1, current, used, sum + 1.0, best_sum, best);
}

}  // namespace

double filter_error(std::span<const float> h, std::span<const float> h_hat) {
  const double hh = dot(h, h), gg = dot(h_hat, h_hat);
  if (hh <= 0 || gg <= 0) return 1.0;
  const double c = dot(h, h_hat);
  return std::sqrt(std::max(0.0, 1.0 - c * c / (hh * gg)));
}

Alignment best_alignment(std::span<const float> truth, std::span<const float> learned) {
  const int length = int(truth.size()), taps = int(learned.size());
  Alignment best;
  std::vector<float> placed(learned.size());
  for (int shift = -(length - 1); shift <= taps - 1; ++shift) {
    std::fill(placed.begin(), placed.end(), 0.0f);
    for (int i = 0; i < length; ++i)
      if (shift + i >= 0 && shift + i < taps) placed[std::size_t(shift + i)] = truth[std::size_t(i)];
    // |h|^2 is the whole true shape's, so a part outside the filter counts as unexplained.
    const double hh = dot(truth, truth), gg = dot(learned, learned), c = dot(placed, learned);
    const double e = hh > 0 && gg > 0 ? std::sqrt(std::max(0.0, 1.0 - c * c / (hh * gg))) : 1.0;
    if (e < best.error || shift == -(length - 1)) best = {shift, e};
  }
  return best;
}

std::vector<UnitMatch> match_filters(const std::vector<std::vector<float>>& truth,
                                     const std::vector<std::vector<float>>& learned) {
  std::vector<std::vector<Alignment>> table(truth.size());
  for (std::size_t u = 0; u < truth.size(); ++u)
    for (const auto& f : learned) table[u].push_back(best_alignment(truth[u], f));
  std::vector<int> current(truth.size(), -1), best(truth.size(), -1);
  std::vector<bool> used(learned.size(), false);
  double best_sum = std::numeric_limits<double>::infinity();
  assign(table, 0, current, used, 0.0, best_sum, best);
  std::vector<UnitMatch> matches(truth.size());
  for (std::size_t u = 0; u < truth.size(); ++u)
    if (best[u] >= 0) matches[u] = {best[u], table[u][std::size_t(best[u])]};
  return matches;
}

std::vector<Detection> detect_spikes(std::span<const float> code, int nx, int nf, std::int64_t frame, int patch,
                                     int radius, float min_amplitude) {
  std::vector<Detection> found;
  auto at = [&](int x, int f) { return code[std::size_t(x) * nf + f]; };
  for (int f = 0; f < nf; ++f) {
    for (int x = 0; x < nx; ++x) {
      const float v = at(x, f);
      if (!(v > min_amplitude)) continue;
      bool peak = true;
      for (int d = -radius; d <= radius && peak; ++d) {
        const int y = x + d;
        if (d == 0 || y < 0 || y >= nx) continue;
        peak = d < 0 ? at(y, f) < v : at(y, f) <= v;
      }
      if (peak) found.push_back({frame, f, x - (patch - 1) / 2, v});
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Detection& a, const Detection& b) { return a.first_tap < b.first_tap; });
  return found;
}

double DetectionScore::precision() const {
  const int n = true_positives + false_positives;
  return n ? double(true_positives) / n : 1.0;
}
double DetectionScore::recall() const {
  const int n = true_positives + false_negatives;
  return n ? double(true_positives) / n : 1.0;
}
double DetectionScore::f1() const {
  const int n = 2 * true_positives + false_positives + false_negatives;
  return n ? 2.0 * true_positives / n : 1.0;
}

DetectionScore score_onsets(const std::vector<std::int64_t>& truth, const std::vector<std::int64_t>& predicted,
                            int tolerance, const std::function<bool(std::int64_t)>& counted) {
  std::vector<bool> truth_matched(truth.size(), false);
  DetectionScore score;
  std::size_t first = 0;  // truth before this index is too early for every later prediction
  for (const std::int64_t p : predicted) {
    while (first < truth.size() && truth[first] < p - tolerance) ++first;
    std::size_t hit = truth.size();
    for (std::size_t t = first; t < truth.size() && truth[t] <= p + tolerance; ++t)
      if (!truth_matched[t]) {
        hit = t;
        break;
      }
    if (hit < truth.size()) {
      truth_matched[hit] = true;
      if (counted(truth[hit]) || counted(p)) ++score.true_positives;
    } else if (counted(p)) {
      ++score.false_positives;
    }
  }
  for (std::size_t t = 0; t < truth.size(); ++t)
    if (!truth_matched[t] && counted(truth[t])) ++score.false_negatives;
  return score;
}

}  // namespace spv::spikes
