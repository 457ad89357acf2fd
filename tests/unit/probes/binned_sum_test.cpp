// BinnedSum: the same total as GridSum fed one value at a time (sums, squares, counts), over every float scale
// (subnormal, tiny squares below GridSum's unit, huge, infinite), and independent of how the values are split.
#include "probes/binned_sum.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using spv::BinnedSum;
using spv::GridSum;

namespace {

std::vector<float> random_floats(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> value(-1.0f, 1.0f);
  std::uniform_int_distribution<int> scale(-150, 127);
  std::vector<float> v(n);
  for (auto& x : v) x = std::ldexp(value(rng), scale(rng));  // normal, subnormal, underflow to +-0, near FLT_MAX
  v[0] = std::numeric_limits<float>::denorm_min();
  v[1] = -0.0f;
  v[2] = 1e-30f;  // its square is below 2^-160
  v[3] = std::numeric_limits<float>::max();
  return v;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("BinnedSum totals equal GridSum's term by term", "[probes][binned_sum]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    const std::vector<float> v = random_floats(100000, seed);  // more squares than one flush holds
    BinnedSum sum, squares, count;
    GridSum ref_sum, ref_squares, ref_count;
    for (float x : v) {
      sum.add(x);
      squares.add_square(x);
      count.add_count(std::fabs(x) > 0.5f);
      ref_sum.add(double(x));
      ref_squares.add(double(x) * double(x));
      if (std::fabs(x) > 0.5f) ref_count.add(1.0);
    }
    CHECK(same_bits(sum.total().value(), ref_sum.value()));
    CHECK(same_bits(squares.total().value(), ref_squares.value()));
    CHECK(same_bits(count.total().value(), ref_count.value()));
  }
}

TEST_CASE("BinnedSum does not depend on how the values are split", "[probes][binned_sum]") {
  const std::vector<float> v = random_floats(50000, 9);
  BinnedSum whole, a, b, c;
  for (float x : v) {
    whole.add(x);
    whole.add_square(x);
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    BinnedSum& part = i < 7000 ? a : i < 31000 ? b : c;
    part.add(v[i]);
    part.add_square(v[i]);
  }
  BinnedSum merged = c;
  merged += a;
  merged += b;
  CHECK(same_bits(merged.total().value(), whole.total().value()));
}

TEST_CASE("BinnedSum passes infinities and NaN on as GridSum does", "[probes][binned_sum]") {
  BinnedSum s;
  s.add(1.0f);
  s.add(std::numeric_limits<float>::infinity());
  CHECK(std::isinf(s.total().value()));
  s.add(-std::numeric_limits<float>::infinity());
  CHECK(std::isnan(s.total().value()));
  BinnedSum q;
  q.add_square(std::numeric_limits<float>::quiet_NaN());
  CHECK(std::isnan(q.total().value()));
}
