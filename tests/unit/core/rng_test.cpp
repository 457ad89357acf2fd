// The counter-based generator: a pure function of (seed, stream, index, counter), with sane moments.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/rng.hpp"

using namespace spv;

TEST_CASE("counter-based random numbers are a pure function of their key", "[rng]") {
  const RngKey key{1234, hash_name("V1")};
  CHECK(uniform01(key, 17, 3) == uniform01(key, 17, 3));
  CHECK(uniform01(key, 17, 3) != uniform01(key, 18, 3));
  CHECK(uniform01(key, 17, 3) != uniform01(key, 17, 4));
  CHECK(uniform01(key, 17, 3) != uniform01(RngKey{1235, key.stream}, 17, 3));
  CHECK(uniform01(key, 17, 3) != uniform01(RngKey{1234, hash_name("V2")}, 17, 3));
  // Drawing in another order (as another rank or thread would) gives the same values.
  std::vector<double> forward, backward(1000);
  for (std::uint64_t i = 0; i < 1000; ++i) forward.push_back(uniform01(key, i));
  for (std::uint64_t i = 1000; i-- > 0;) backward[i] = uniform01(key, i);
  CHECK(forward == backward);
}

TEST_CASE("uniform and normal draws have the right moments", "[rng]") {
  const RngKey key{99, 5};
  const int n = 200000;
  double su = 0, suu = 0, sn = 0, snn = 0, lo = 1, hi = 0;
  for (int i = 0; i < n; ++i) {
    double u = uniform01(key, std::uint64_t(i));
    double z = standard_normal(key, std::uint64_t(i), 1);
    su += u;
    suu += u * u;
    sn += z;
    snn += z * z;
    lo = std::min(lo, u);
    hi = std::max(hi, u);
  }
  // Standard errors at n = 200000: mean ~0.0007 (uniform), ~0.0023 (normal); margins are about 5 of them.
  CHECK(su / n == Approx(0.5).margin(0.004));
  CHECK(suu / n - (su / n) * (su / n) == Approx(1.0 / 12).margin(0.002));
  CHECK(sn / n == Approx(0.0).margin(0.012));
  CHECK(snn / n == Approx(1.0).margin(0.02));
  CHECK(lo >= 0.0);
  CHECK(hi < 1.0);
}
