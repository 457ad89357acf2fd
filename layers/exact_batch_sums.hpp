// Whole-layer sums per batch element that come out the same bits for every split into tiles, batch slices and
// threads: each float is added exactly, as its signed integer mantissa into a bin for its exponent, and the bins of
// all ranks are added as integers. OpenPV's RescaleLayer reduces in float in rank order; this keeps its equations
// while making the statistics independent of the decomposition.
#pragma once
#include <cstdint>
#include <vector>

#include "core/comm/communicator.hpp"

namespace spv {

class ExactBatchSums {
 public:
  explicit ExactBatchSums(int nbatch_global);
  // Adds x to global batch element b's sum.
  void add(int b, float x);
  // Adds every rank's bins (collective: every rank calls it, with the same nbatch_global).
  void reduce(Communicator& comm);
  // The sum of batch element b, rounded to double once from the exact bins (NaN, +-infinity as float addition
  // of the same values would give them).
  double value(int b) const;

 private:
  // Bins 0..255 hold signed mantissa sums worth 2^(e - 150); then counts of +infinity, -infinity and NaN.
  static constexpr int kBins = 256, kPosInf = 256, kNegInf = 257, kNaN = 258, kSlots = 259;
  std::vector<std::int64_t> slots_;
};

// The largest of every rank's `local` values, one per global batch element (`local[b]` for global b; a rank that
// does not hold b passes a value no larger than the true one). Collective; NaN and infinities become +infinity.
std::vector<double> batch_maximum(Communicator& comm, const std::vector<double>& local);

}  // namespace spv
