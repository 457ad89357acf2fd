#include "analysis/feature_frequency.hpp"

#include <algorithm>
#include <numeric>

namespace spv {

std::vector<std::int64_t> activation_counts(const ActivityFile& file) {
  const int nf = file.header.nf;
  std::vector<std::int64_t> counts(static_cast<std::size_t>(std::max(nf, 0)), 0);
  for (const ActivityFrame& frame : file.frames) {
    // Values are [y][x][f] with f fastest, so the feature is the index modulo nf.
    for (std::size_t k = 0; k < frame.values.size(); ++k) {
      if (frame.values[k] != 0.0f) ++counts[k % static_cast<std::size_t>(nf)];
    }
  }
  return counts;
}

std::vector<int> order_by_frequency(std::span<const std::int64_t> counts) {
  std::vector<int> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return counts[a] > counts[b]; });
  return order;
}

}  // namespace spv
