#include "probes/grid_sum.hpp"

#include <cmath>
#include <cstring>

#include "core/comm/communicator.hpp"

namespace spv {

void GridSum::add(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int biased = int((bits >> 52) & 0x7ff);
  std::uint64_t m = bits & ((std::uint64_t(1) << 52) - 1);
  if (biased == 0x7ff || biased - 1023 >= 320) {
    special_ += x;
    return;
  }
  if (biased == 0) {
    if (m == 0) return;
    biased = 1;  // subnormal: no implicit leading bit
  } else {
    m |= std::uint64_t(1) << 52;
  }
  // |x| = m * 2^(biased - 1075); lsb is the grid position of m's lowest bit.
  int lsb = biased - 1075 + kLowBit;
  if (lsb < 0) {
    if (lsb <= -53) return;
    m >>= -lsb;
    lsb = 0;
  }
  const int k = lsb >> 5, s = lsb & 31;
  const std::uint64_t mask = 0xffffffffu;
  const std::int64_t p0 = std::int64_t((m << s) & mask);
  const std::int64_t p1 = std::int64_t((m >> (32 - s)) & mask);
  const std::int64_t p2 = s == 0 ? 0 : std::int64_t(m >> (64 - s));
  const bool negative = (bits >> 63) != 0;
  chunk_[std::size_t(k)] += negative ? -p0 : p0;
  chunk_[std::size_t(k) + 1] += negative ? -p1 : p1;
  chunk_[std::size_t(k) + 2] += negative ? -p2 : p2;
  if (++pending_ >= (std::int64_t(1) << 30)) normalize();
}

void GridSum::normalize() {
  for (int k = 0; k + 1 < kChunks; ++k) {
    const std::int64_t carry = chunk_[std::size_t(k)] >> 32;  // floor division, also for negative chunks
    chunk_[std::size_t(k)] -= carry * (std::int64_t(1) << 32);
    chunk_[std::size_t(k) + 1] += carry;
  }
  pending_ = 0;
}

GridSum& GridSum::operator+=(const GridSum& other) {
  GridSum o = other;
  o.normalize();
  normalize();
  for (std::size_t k = 0; k < chunk_.size(); ++k) chunk_[k] += o.chunk_[k];
  special_ += o.special_;
  pending_ = 2;
  return *this;
}

double GridSum::value() const {
  GridSum c = *this;
  c.normalize();
  // Work on the magnitude so that the top-down sum of non-negative chunks rounds like one addition.
  const bool negative = c.chunk_.back() < 0;
  if (negative) {
    for (auto& v : c.chunk_) v = -v;
    c.normalize();
  }
  double total = 0.0;
  for (int k = kChunks - 1; k >= 0; --k) total += std::ldexp(double(c.chunk_[std::size_t(k)]), 32 * k - kLowBit);
  return (negative ? -total : total) + special_;
}

void GridSum::store(double* words) const {
  GridSum c = *this;
  c.normalize();
  for (int k = 0; k < kChunks; ++k) words[k] = double(c.chunk_[std::size_t(k)]);
  words[kChunks] = c.special_;
}

GridSum GridSum::load(const double* words) {
  GridSum s;
  for (int k = 0; k < kChunks; ++k) s.chunk_[std::size_t(k)] = std::int64_t(words[k]);
  s.special_ = words[kChunks];
  s.normalize();
  return s;
}

void reduce_sums(std::vector<GridSum>& sums, Communicator& comm, std::vector<double>& words) {
  words.resize(sums.size() * GridSum::kWords);
  for (std::size_t i = 0; i < sums.size(); ++i) sums[i].store(words.data() + i * GridSum::kWords);
  comm.ordered_sum(words);
  for (std::size_t i = 0; i < sums.size(); ++i) sums[i] = GridSum::load(words.data() + i * GridSum::kWords);
}

}  // namespace spv
