// An exact sum of floats (or of their squares, or a count) that is fast to feed: each value's integer mantissa is
// added into a bin for its exponent, and the bins go into a GridSum at the end. The total equals GridSum's for the
// same values added one by one, so probe values stay identical for every decomposition and thread count.
#pragma once
#include <array>
#include <bit>
#include <cstdint>

#include "probes/grid_sum.hpp"

namespace spv {

class BinnedSum {
 public:
  void add(float x) {
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(x);
    if ((bits << 1) == 0) return;  // +-0: most of a sparse code
    const std::uint32_t e = (bits >> 23) & 0xffu;
    if (e == 0xffu) return rare_.add(double(x));  // inf, NaN
    const std::int64_t m = std::int64_t(mantissa(bits, e));
    linear_[biased(e)] += (bits >> 31) ? -m : m;  // 2^39 additions before a 24-bit mantissa sum could overflow
  }
  // x * x, exact in double as GridSum would get it.
  void add_square(float x) {
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(x);
    const std::uint32_t e = (bits >> 23) & 0xffu;
    // Squares below GridSum's unit (2^-160) are truncated per term there; give those to it one by one.
    if (e == 0xffu || biased(e) < kFirstExactSquare) return rare_.add(double(x) * double(x));
    const std::uint64_t m = mantissa(bits, e);
    squares_[biased(e)] += m * m;  // below 2^48 each
    if (++square_adds_ == kSquaresBeforeFlush) flush_squares();
  }
  void add_count(bool yes) { count_ += yes ? 1 : 0; }
  // A term computed in double (a cost function of the value), added as GridSum adds it: exact, but slower.
  void add_double(double x) { rare_.add(x); }

  BinnedSum& operator+=(const BinnedSum& o);
  // Everything added, as a GridSum (exact).
  GridSum total() const;

 private:
  static constexpr int kFirstExactSquare = 70;  // (2e - 300) >= -160: the square's lowest bit on GridSum's grid
  static constexpr std::int64_t kSquaresBeforeFlush = std::int64_t(1) << 15;  // 2^15 * 2^48 < 2^64
  static std::uint32_t mantissa(std::uint32_t bits, std::uint32_t e) {
    return e == 0 ? (bits & 0x7fffffu) : ((bits & 0x7fffffu) | 0x800000u);
  }
  static std::size_t biased(std::uint32_t e) { return e == 0 ? 1 : e; }  // subnormals share exponent 1's scale
  void flush_squares();

  std::array<std::int64_t, 256> linear_{};  // bin e: sum of signed mantissas, each worth 2^(e - 150)
  std::array<std::uint64_t, 256> squares_{};  // bin e: sum of squared mantissas, each worth 2^(2e - 300)
  std::int64_t square_adds_ = 0;
  std::int64_t count_ = 0;
  GridSum rare_;  // flushed squares, tiny squares and non-finite values
};

}  // namespace spv
