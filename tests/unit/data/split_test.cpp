#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <set>
#include <utility>

#include "data/stratified_split.hpp"
#include "params/error.hpp"

using namespace spv;

namespace {

std::vector<int> per_class(const std::vector<SplitItem>& items, std::size_t classes) {
  std::vector<int> counts(classes, 0);
  for (const auto& item : items) ++counts.at(std::size_t(item.label));
  return counts;
}

}  // namespace

TEST_CASE("apportion gives exact totals by largest remainder, ties to the lower index") {
  CHECK(apportion({12, 12, 12}, 30) == std::vector<int>{10, 10, 10});
  // Quotas 3.33.., 3.33.., 3.33..: the one leftover unit goes to index 0.
  CHECK(apportion({1, 1, 1}, 10) == std::vector<int>{4, 3, 3});
  // Quotas 800.87, 901.68, 690.46: floors sum to 2391, the two leftover units go to the two largest remainders.
  CHECK(apportion({1001, 1127, 863}, 2393) == std::vector<int>{801, 902, 690});
  CHECK(apportion({5, 0, 5}, 10) == std::vector<int>{5, 0, 5});
  CHECK(apportion({5, 5}, 0) == std::vector<int>{0, 0});
}

TEST_CASE("seeded_permutation is a permutation, fixed by seed and stream") {
  const auto p = seeded_permutation(50, 7, "s");
  std::vector<int> sorted = p;
  std::sort(sorted.begin(), sorted.end());
  std::vector<int> identity(50);
  std::iota(identity.begin(), identity.end(), 0);
  CHECK(sorted == identity);
  CHECK(p != identity);
  CHECK(seeded_permutation(50, 7, "s") == p);
  CHECK(seeded_permutation(50, 8, "s") != p);
  CHECK(seeded_permutation(50, 7, "t") != p);
  CHECK(seeded_permutation(1, 7, "s") == std::vector<int>{0});
  CHECK(seeded_permutation(0, 7, "s").empty());
}

TEST_CASE("stratified_split: exact sizes, per-class shares, disjoint, deterministic") {
  const std::vector<int> sizes = {12, 12, 12, 12, 12, 12, 12, 12, 12, 12};
  const Split s = stratified_split(sizes, 80, 20, 3);
  REQUIRE(s.train.size() == 80);
  REQUIRE(s.test.size() == 20);
  CHECK(per_class(s.train, 10) == std::vector<int>(10, 8));
  CHECK(per_class(s.test, 10) == std::vector<int>(10, 2));

  std::set<std::pair<int, int>> seen;
  for (const auto* set : {&s.train, &s.test}) {
    for (const auto& item : *set) {
      CHECK(item.index >= 0);
      CHECK(item.index < 12);
      CHECK(seen.insert({item.label, item.index}).second);  // no image twice, within or across the sets
    }
  }

  const Split again = stratified_split(sizes, 80, 20, 3);
  CHECK(again.train == s.train);
  CHECK(again.test == s.test);
  const Split other = stratified_split(sizes, 80, 20, 4);
  CHECK(other.train != s.train);

  // Classes are interleaved, not listed in blocks.
  int changes = 0;
  for (std::size_t k = 1; k < s.train.size(); ++k) changes += s.train[k].label != s.train[k - 1].label;
  CHECK(changes > 40);
}

TEST_CASE("stratified_split keeps class shares for uneven classes and sums exactly") {
  const std::vector<int> sizes = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};  // the npm package's
  const Split s = stratified_split(sizes, 8000, 2000, 1);
  CHECK(s.train.size() == 8000);
  CHECK(s.test.size() == 2000);
  const auto train = per_class(s.train, 10), test = per_class(s.test, 10);
  for (std::size_t c = 0; c < 10; ++c) {
    CHECK(std::abs(train[c] - 0.8 * sizes[c]) < 1.0);
    CHECK(train[c] + test[c] == sizes[c]);  // 8000 + 2000 uses every image
  }

  const Split small = stratified_split(sizes, 100, 50, 1);
  const auto small_train = per_class(small.train, 10), small_test = per_class(small.test, 10);
  CHECK(std::accumulate(small_train.begin(), small_train.end(), 0) == 100);
  CHECK(std::accumulate(small_test.begin(), small_test.end(), 0) == 50);
  for (std::size_t c = 0; c < 10; ++c) {
    CHECK(std::abs(small_train[c] - 100.0 * sizes[c] / 10000.0) < 1.0);
    CHECK(std::abs(small_test[c] - 50.0 * sizes[c] / 10000.0) < 1.5);
  }
}

TEST_CASE("stratified_split rejects impossible sizes") {
  CHECK_THROWS_AS(stratified_split({5, 5}, 8, 3, 1), Error);
  CHECK_THROWS_AS(stratified_split({5, 5}, -1, 3, 1), Error);
  CHECK_NOTHROW(stratified_split({5, 5}, 7, 3, 1));
}
