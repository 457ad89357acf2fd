#include "layers/exact_batch_sums.hpp"

#include <bit>
#include <cmath>
#include <limits>

namespace spv {

ExactBatchSums::ExactBatchSums(int nbatch_global) : slots_(std::size_t(nbatch_global) * kSlots, 0) {}

void ExactBatchSums::add(int b, float x) {
  std::int64_t* s = slots_.data() + std::size_t(b) * kSlots;
  const std::uint32_t bits = std::bit_cast<std::uint32_t>(x);
  const std::uint32_t e = (bits >> 23) & 0xffu;
  if (e == 0xffu) {
    ++s[(bits & 0x7fffffu) ? kNaN : (bits >> 31) ? kNegInf : kPosInf];
    return;
  }
  // Subnormals (e = 0) have no implicit bit and the scale of e = 1. A 24-bit mantissa leaves room for 2^39 terms.
  const std::int64_t m = e == 0 ? std::int64_t(bits & 0x7fffffu) : std::int64_t((bits & 0x7fffffu) | 0x800000u);
  s[e == 0 ? 1 : e] += (bits >> 31) ? -m : m;
}

void ExactBatchSums::reduce(Communicator& comm) { comm.sum_integers(slots_); }

double ExactBatchSums::value(int b) const {
  const std::int64_t* s = slots_.data() + std::size_t(b) * kSlots;
  if (s[kNaN] > 0 || (s[kPosInf] > 0 && s[kNegInf] > 0)) return std::numeric_limits<double>::quiet_NaN();
  if (s[kPosInf] > 0) return std::numeric_limits<double>::infinity();
  if (s[kNegInf] > 0) return -std::numeric_limits<double>::infinity();
  // Carry each bin's excess upward so that every bin but the top holds a value in [0, 2): the exact sum then has one
  // representation, and rounding it from the top bin down loses only what lies below double's precision.
  std::int64_t bins[kBins];
  for (int e = 0; e < kBins; ++e) bins[e] = s[e];
  for (int e = 0; e < kBins - 1; ++e) {
    const std::int64_t carry = bins[e] >> 1;  // floor division: the remainder bins[e] & 1 is 0 or 1
    bins[e] -= carry * 2;
    bins[e + 1] += carry;
  }
  double sum = std::ldexp(double(bins[kBins - 1]), kBins - 1 - 150);
  for (int e = kBins - 2; e >= 0; --e)
    if (bins[e]) sum += std::ldexp(double(bins[e]), e - 150);
  return sum;
}

std::vector<double> batch_maximum(Communicator& comm, const std::vector<double>& local) {
  std::vector<double> out(local.size());
  for (std::size_t b = 0; b < local.size(); ++b) out[b] = comm.maximum(local[b]);
  return out;
}

}  // namespace spv
