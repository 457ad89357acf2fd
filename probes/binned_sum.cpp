#include "probes/binned_sum.hpp"

#include <cmath>

namespace spv {

namespace {

// value * 2^scale into `sum`, exactly: value split into 32-bit halves so that each is a double without rounding.
void add_scaled(GridSum& sum, std::int64_t value, int scale) {
  const std::int64_t hi = value >> 32;  // floor, also for negative values
  const std::int64_t lo = value - hi * (std::int64_t(1) << 32);
  if (hi != 0) sum.add(std::ldexp(double(hi), scale + 32));
  if (lo != 0) sum.add(std::ldexp(double(lo), scale));
}

}  // namespace

void BinnedSum::flush_squares() {
  for (int e = 0; e < 256; ++e) {
    const std::uint64_t v = squares_[std::size_t(e)];
    if (v == 0) continue;
    // Split unsigned: the high part below 2^32, the low part below 2^32.
    rare_.add(std::ldexp(double(v >> 32), 2 * e - 300 + 32));
    rare_.add(std::ldexp(double(v & 0xffffffffu), 2 * e - 300));
    squares_[std::size_t(e)] = 0;
  }
  square_adds_ = 0;
}

BinnedSum& BinnedSum::operator+=(const BinnedSum& o) {
  BinnedSum other = o;
  other.flush_squares();
  flush_squares();
  for (std::size_t e = 0; e < linear_.size(); ++e) linear_[e] += other.linear_[e];
  count_ += other.count_;
  rare_ += other.rare_;
  return *this;
}

GridSum BinnedSum::total() const {
  BinnedSum c = *this;
  c.flush_squares();
  GridSum sum = c.rare_;
  for (int e = 0; e < 256; ++e)
    if (c.linear_[std::size_t(e)] != 0) add_scaled(sum, c.linear_[std::size_t(e)], e - 150);
  if (c.count_ != 0) sum.add(double(c.count_));
  return sum;
}

}  // namespace spv
