// Normalisation: each kernel to L2 norm (or sum, or max) `strength`, over all arbors or each alone; kernels too
// close to zero left alone; the clean-up steps (non-negative, cutoff, central rMin region).
#include <catch2/catch.hpp>

#include <cmath>

#include "connections/normalize_weights.hpp"
#include "connections/weight_init.hpp"

using namespace spv;

namespace {

WeightStore random_store(int arbors) {
  WeightStore w(arbors, 6, 4, 4, 3);
  init_uniform_random(w, RngKey{5, 6}, {-1.0, 1.0, 0.0, 0});
  return w;
}

double sum_squares(const WeightStore& w, int a, int k) {
  double s = 0;
  for (float v : w.kernel(a, k)) s += double(v) * v;
  return s;
}

}  // namespace

TEST_CASE("normalizeL2 scales every kernel, over all arbors, to L2 norm strength", "[connections][normalize]") {
  WeightStore w = random_store(2);
  NormalizeSettings s;
  s.method = "normalizeL2";
  s.strength = 2.5;
  normalize_weights(w, s);
  for (int k = 0; k < w.kernels(); ++k) {
    INFO("kernel " << k);
    // float weights, norm computed in double: 1e-6 relative.
    CHECK(std::sqrt(sum_squares(w, 0, k) + sum_squares(w, 1, k)) == Approx(2.5).epsilon(1e-6));
  }
}

TEST_CASE("normalizeArborsIndividually gives every arbor's kernel the norm", "[connections][normalize]") {
  WeightStore w = random_store(2);
  NormalizeSettings s;
  s.method = "normalizeL2";
  s.strength = 1.0;
  s.arbors_individually = true;
  normalize_weights(w, s);
  for (int a = 0; a < 2; ++a)
    for (int k = 0; k < w.kernels(); ++k) CHECK(std::sqrt(sum_squares(w, a, k)) == Approx(1.0).epsilon(1e-6));
}

TEST_CASE("kernels within minL2NormTolerated of zero are left unchanged", "[connections][normalize]") {
  WeightStore w = random_store(1);
  auto zero = w.kernel(0, 2);
  std::fill(zero.begin(), zero.end(), 0.0f);
  auto small = w.kernel(0, 3);
  std::fill(small.begin(), small.end(), 1e-4f);
  NormalizeSettings s;
  s.method = "normalizeL2";
  s.min_tolerated = 1e-3;
  normalize_weights(w, s);
  for (float v : w.kernel(0, 2)) REQUIRE(v == 0.0f);
  for (float v : w.kernel(0, 3)) REQUIRE(v == 1e-4f);
  CHECK(std::sqrt(sum_squares(w, 0, 0)) == Approx(1.0).epsilon(1e-6));
}

TEST_CASE("normalizeSum and normalizeMax scale the sum and the maximum", "[connections][normalize]") {
  WeightStore w(1, 4, 3, 3, 2);
  init_uniform_random(w, RngKey{8, 9}, {0.1, 1.0, 0.0, 0});
  WeightStore m = w;
  NormalizeSettings s;
  s.method = "normalizeSum";
  s.strength = 3.0;
  normalize_weights(w, s);
  s.method = "normalizeMax";
  normalize_weights(m, s);
  for (int k = 0; k < 4; ++k) {
    double sum = 0;
    float max = -1;
    for (float v : w.kernel(0, k)) sum += v;
    for (float v : m.kernel(0, k)) max = std::max(max, v);
    CHECK(sum == Approx(3.0).epsilon(1e-6));
    CHECK(max == Approx(3.0).epsilon(1e-6));
  }
}

TEST_CASE("clean-up before scaling: non-negative, cutoff and the central rMin region", "[connections][normalize]") {
  WeightStore w = random_store(1);
  NormalizeSettings s;
  s.method = "normalizeL2";
  s.nonnegative = true;
  normalize_weights(w, s);
  for (float v : w.values()) REQUIRE(v >= 0.0f);

  WeightStore c(1, 1, 1, 4, 1);
  c.values()[0] = 1.0f;
  c.values()[1] = -0.05f;
  c.values()[2] = 0.5f;
  c.values()[3] = 0.09f;
  s = NormalizeSettings{};
  s.method = "normalizeMax";
  s.cutoff = 0.1;  // |w| < 0.1 * max|w| becomes zero
  normalize_weights(c, s);
  CHECK(c.values()[1] == 0.0f);
  CHECK(c.values()[3] == 0.0f);
  CHECK(c.values()[2] == 0.5f);

  WeightStore r(1, 1, 5, 5, 2);
  std::fill(r.values().begin(), r.values().end(), 1.0f);
  s = NormalizeSettings{};
  s.method = "normalizeMax";
  s.r_min_x = s.r_min_y = 1.0;  // a floor(2 rMin) = 2 wide block, centred in 5 as OpenPV does: the centre
  normalize_weights(r, s);
  int zeros = 0;
  for (float v : r.values()) zeros += v == 0.0f;
  CHECK(zeros == 2);                                   // the centre, both features
  CHECK(r.values()[std::size_t((2 * 5 + 2) * 2)] == 0.0f);
}

TEST_CASE("method none changes nothing", "[connections][normalize]") {
  WeightStore w = random_store(1);
  const WeightStore before = w;
  normalize_weights(w, NormalizeSettings{});
  CHECK(std::equal(w.values().begin(), w.values().end(), before.values().begin()));
}
