#include "data/stratified_split.hpp"

#include <algorithm>
#include <numeric>

#include "core/rng.hpp"
#include "params/error.hpp"

namespace spv {

std::vector<int> apportion(const std::vector<int>& weights, int total) {
  const std::int64_t sum = std::accumulate(weights.begin(), weights.end(), std::int64_t(0));
  std::vector<int> shares(weights.size(), 0);
  if (sum <= 0 || total <= 0) return shares;
  std::vector<std::int64_t> remainders(weights.size());
  std::int64_t given = 0;
  for (std::size_t c = 0; c < weights.size(); ++c) {
    const std::int64_t quota = std::int64_t(total) * weights[c];  // share = quota / sum, exactly
    shares[c] = int(quota / sum);
    remainders[c] = quota % sum;
    given += shares[c];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  // The leftover is the sum of the fractional parts, so fewer units than classes with a non-zero remainder: each
  // unit goes to such a class and no share exceeds its weight.
  for (std::size_t k = 0; given < total; ++k, ++given) ++shares[order[k]];
  return shares;
}

std::vector<int> seeded_permutation(int n, std::uint64_t seed, const std::string& stream) {
  std::vector<int> p(std::size_t(std::max(n, 0)));
  std::iota(p.begin(), p.end(), 0);
  const RngKey key{seed, hash_name(stream.c_str())};
  for (int i = n - 1; i > 0; --i) {
    std::uint32_t w[4];
    philox4x32(key, std::uint64_t(i), 0, w);
    const auto j = int((std::uint64_t(w[0]) * std::uint64_t(i + 1)) >> 32);
    std::swap(p[std::size_t(i)], p[std::size_t(j)]);
  }
  return p;
}

Split stratified_split(const std::vector<int>& class_sizes, int train, int test, std::uint64_t seed) {
  std::int64_t total = 0;
  for (int n : class_sizes) {
    if (n < 0) throw Error("a class size is negative");
    total += n;
  }
  if (train < 0 || test < 0) throw Error("train and test sizes must not be negative");
  if (std::int64_t(train) + test > total) {
    throw Error("train + test = " + std::to_string(std::int64_t(train) + test) + " exceeds the " +
                std::to_string(total) + " images available");
  }
  const std::vector<int> train_counts = apportion(class_sizes, train);
  std::vector<int> left(class_sizes.size());
  for (std::size_t c = 0; c < class_sizes.size(); ++c) left[c] = class_sizes[c] - train_counts[c];
  const std::vector<int> test_counts = apportion(left, test);

  Split split;
  for (std::size_t c = 0; c < class_sizes.size(); ++c) {
    const auto p = seeded_permutation(class_sizes[c], seed, "split/class/" + std::to_string(c));
    for (int k = 0; k < train_counts[c] + test_counts[c]; ++k) {
      (k < train_counts[c] ? split.train : split.test).push_back({int(c), p[std::size_t(k)]});
    }
  }
  auto interleave = [seed](std::vector<SplitItem>& items, const char* stream) {
    const auto p = seeded_permutation(int(items.size()), seed, stream);
    std::vector<SplitItem> out(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) out[k] = items[std::size_t(p[k])];
    items = std::move(out);
  };
  interleave(split.train, "split/train");
  interleave(split.test, "split/test");
  return split;
}

}  // namespace spv
