// Random initial weights are reproducible, depend on the seed and the connection, stay within bounds and honour
// sparseFraction and minNNZ; one-to-one weights put weightInit at the patch centre of the matching feature.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "connections/weight_init.hpp"

using namespace spv;

namespace {

bool same(const WeightStore& a, const WeightStore& b) {
  return a.values().size() == b.values().size() &&
         std::memcmp(a.values().data(), b.values().data(), a.values().size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("uniform random weights are reproducible and within [wMinInit, wMaxInit)", "[connections][init]") {
  const RngKey key{1234567890, hash_name("LeakyIntegratorToInputError")};
  WeightStore a(2, 16, 8, 8, 3), b(2, 16, 8, 8, 3), other(2, 16, 8, 8, 3);
  init_uniform_random(a, key, {-1.0, 1.0, 0.0, 0});
  init_uniform_random(b, key, {-1.0, 1.0, 0.0, 0});
  init_uniform_random(other, RngKey{1234567890, hash_name("OtherConn")}, {-1.0, 1.0, 0.0, 0});
  CHECK(same(a, b));
  CHECK_FALSE(same(a, other));
  double mean = 0;
  for (float v : a.values()) {
    REQUIRE(v >= -1.0f);
    REQUIRE(v < 1.0f);
    mean += v;
  }
  mean /= double(a.values().size());
  CHECK(std::fabs(mean) < 0.05);  // 6144 draws: the standard error of the mean is about 0.007
}

TEST_CASE("sparseFraction zeroes that fraction of the weights; minNNZ keeps a floor per kernel", "[connections][init]") {
  const RngKey key{7, hash_name("conn")};
  WeightStore w(1, 128, 8, 8, 3);  // the tutorial's dictionary: 24576 weights
  init_uniform_random(w, key, {-1.0, 1.0, 0.9, 0});
  std::size_t zeros = 0;
  for (float v : w.values()) zeros += v == 0.0f;
  const double fraction = double(zeros) / double(w.values().size());
  CHECK(fraction == Approx(0.9).margin(0.01));  // standard error about 0.002

  WeightStore floor_w(1, 64, 2, 2, 1);  // 4 weights a kernel, at least 3 non-zero
  init_uniform_random(floor_w, key, {0.5, 1.0, 0.99, 3});
  for (int k = 0; k < floor_w.kernels(); ++k) {
    int nnz = 0;
    for (float v : floor_w.kernel(0, k)) nnz += v != 0.0f;
    INFO("kernel " << k);
    REQUIRE(nnz >= 3);
  }
}

TEST_CASE("Gaussian random weights have the requested mean and spread", "[connections][init]") {
  WeightStore w(1, 64, 8, 8, 4);
  init_gaussian_random(w, RngKey{3, hash_name("g")}, 0.5, 2.0);
  double sum = 0, sq = 0;
  for (float v : w.values()) {
    sum += v;
    sq += double(v) * v;
  }
  const double n = double(w.values().size()), mean = sum / n, sd = std::sqrt(sq / n - mean * mean);
  CHECK(mean == Approx(0.5).margin(0.05));  // 16384 draws: standard error 0.016
  CHECK(sd == Approx(2.0).margin(0.05));
}

TEST_CASE("one-to-one weights: weightInit at the centre for the matching post feature", "[connections][init]") {
  WeightStore w(1, 3, 3, 5, 3);
  init_one_to_one(w, 0.25f);
  for (int k = 0; k < 3; ++k) {
    auto kernel = w.kernel(0, k);
    for (int y = 0; y < 3; ++y)
      for (int x = 0; x < 5; ++x)
        for (int f = 0; f < 3; ++f) {
          const float expected = (y == 1 && x == 2 && f == k) ? 0.25f : 0.0f;
          REQUIRE(kernel[std::size_t((y * 5 + x) * 3 + f)] == expected);
        }
  }
}
