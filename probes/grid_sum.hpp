// A sum of doubles kept as an integer count of a fixed tiny unit, so that it does not depend on the order or grouping
// of its terms: probe values come out identical for every rows x columns x batch split and every thread count.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

namespace spv {

class Communicator;

class GridSum {
 public:
  // Doubles one sum occupies when it travels through Communicator::ordered_sum.
  static constexpr int kWords = 17;

  // Adds x rounded toward zero to a multiple of 2^-160 (below any value a float layer produces that matters).
  // Non-finite values, and values of magnitude 2^320 or more, are kept apart and added as ordinary doubles; inf and
  // NaN propagate the same way in any order.
  void add(double x);
  GridSum& operator+=(const GridSum& other);
  // The total as a double (the same bits for the same total, however it was reached).
  double value() const;

  // Transport: `words` gets kWords doubles that hold the sum exactly and may be added element-wise across up to
  // 2^20 ranks without rounding.
  void store(double* words) const;
  static GridSum load(const double* words);

 private:
  static constexpr int kChunks = 16;  // 32 bits each, chunk 0 holding the unit 2^-160
  static constexpr int kLowBit = 160;
  static_assert(kWords == kChunks + 1, "a stored sum is its chunks and its non-finite part");
  void normalize();

  std::array<std::int64_t, kChunks> chunk_{};
  double special_ = 0.0;
  std::int64_t pending_ = 0;  // additions since the last carry propagation
};

// Adds each rank's sums element-wise (every rank gets the totals); exact, so rank order cannot matter. `words` is
// the caller's scratch for the transport, kept between calls so that a probe reducing every step does not allocate.
void reduce_sums(std::vector<GridSum>& sums, Communicator& comm, std::vector<double>& words);

}  // namespace spv
