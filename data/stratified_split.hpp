// A fixed, seeded, stratified train/test split of a labelled set given its class sizes.
//
// The rule (also in spv-prepare-mnist --help and lua/examples/README.md):
// 1. Per-class train counts: train * n_c / N apportioned by largest remainder (floors first, then one more to the
//    classes with the largest remainders, ties to the lower class), so they sum to exactly `train`.
// 2. Per-class test counts: the same with `test` over what each class has left, n_c - train_c.
// 3. Class c's images are permuted by Fisher-Yates from the end (swap i with j = floor(u * (i + 1)), u a 32-bit
//    Philox word of key (seed, hash_name("split/class/<c>")) at index i): the first train_c go to train, the next
//    test_c to test, the rest are unused.
// 4. Each set, listed class by class, is then permuted the same way with stream "split/train" or "split/test", so
//    classes are interleaved.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace spv {

// Image `index` (its place in its class's file) of class `label`.
struct SplitItem {
  int label = 0;
  int index = 0;
  bool operator==(const SplitItem&) const = default;
};

struct Split {
  std::vector<SplitItem> train, test;
};

// Largest-remainder apportionment of `total` in proportion to `weights` (which must sum to at least `total` when
// each share is to stay within its weight); ties go to the lower index.
std::vector<int> apportion(const std::vector<int>& weights, int total);

// A permutation of 0..n-1 by Fisher-Yates from the end, drawn from Philox with key (seed, hash_name(stream)).
std::vector<int> seeded_permutation(int n, std::uint64_t seed, const std::string& stream);

// The split described above. Throws Error when train or test is negative or train + test exceeds the set.
Split stratified_split(const std::vector<int>& class_sizes, int train, int test, std::uint64_t seed);

}  // namespace spv
