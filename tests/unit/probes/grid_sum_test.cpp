// GridSum: the total does not depend on order or grouping, survives transport through a sum of doubles, and is
// accurate to rounding.
#include "probes/grid_sum.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

using spv::GridSum;

namespace {

std::vector<double> random_terms(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> value(-1.0f, 1.0f);
  std::uniform_int_distribution<int> scale(-30, 30);
  std::vector<double> terms(n);
  for (auto& t : terms) t = std::ldexp(double(value(rng)), scale(rng));
  return terms;
}

}  // namespace

TEST_CASE("GridSum is independent of order and grouping, unlike plain double sums", "[probes][grid_sum]") {
  std::vector<double> terms = random_terms(20000, 7);
  GridSum forward;
  for (double t : terms) forward.add(t);

  std::vector<double> shuffled = terms;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(11));
  // Three groups of different sizes, merged in an odd order: what tiles and threads do.
  GridSum a, b, c;
  for (std::size_t i = 0; i < shuffled.size(); ++i) (i < 5000 ? a : i < 12000 ? b : c).add(shuffled[i]);
  GridSum merged = c;
  merged += a;
  merged += b;
  CHECK(merged.value() == forward.value());

  double plain_forward = 0.0, plain_shuffled = 0.0;
  for (double t : terms) plain_forward += t;
  for (double t : shuffled) plain_shuffled += t;
  CHECK(plain_forward != plain_shuffled);  // the problem GridSum exists to solve
  CHECK(forward.value() == Approx(plain_forward).epsilon(1e-12));
}

TEST_CASE("GridSum is exact where doubles cancel", "[probes][grid_sum]") {
  GridSum s;
  s.add(1e30);
  s.add(1.0);
  s.add(-1e30);
  CHECK(s.value() == 1.0);
  GridSum negative;
  negative.add(-0.75);
  negative.add(0.25);
  CHECK(negative.value() == -0.5);
  GridSum empty;
  CHECK(empty.value() == 0.0);
  GridSum tiny;
  tiny.add(std::ldexp(1.0, -150));  // a float's smallest subnormal squared would vanish; this is still on the grid
  CHECK(tiny.value() == std::ldexp(1.0, -150));
}

TEST_CASE("GridSum survives element-wise addition of its stored words", "[probes][grid_sum]") {
  std::vector<double> terms = random_terms(3000, 3);
  GridSum whole, left, right;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    whole.add(terms[i]);
    (i % 3 ? left : right).add(terms[i]);
  }
  double words_left[GridSum::kWords], words_right[GridSum::kWords], words_sum[GridSum::kWords];
  left.store(words_left);
  right.store(words_right);
  for (int k = 0; k < GridSum::kWords; ++k) words_sum[k] = words_left[k] + words_right[k];
  CHECK(GridSum::load(words_sum).value() == whole.value());
}

TEST_CASE("GridSum keeps non-finite terms apart and propagates them", "[probes][grid_sum]") {
  GridSum s;
  s.add(1.0);
  s.add(std::numeric_limits<double>::infinity());
  CHECK(std::isinf(s.value()));
  s.add(std::numeric_limits<double>::quiet_NaN());
  CHECK(std::isnan(s.value()));
}

TEST_CASE("GridSum counts exactly", "[probes][grid_sum]") {
  GridSum count;
  for (int i = 0; i < 100000; ++i) count.add(1.0);
  CHECK(count.value() == 100000.0);
}
