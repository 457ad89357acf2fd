#include "core/rng.hpp"

#include <cmath>

namespace spv {

void philox4x32(const RngKey& key, std::uint64_t index, std::uint64_t counter, std::uint32_t out[4]) {
  std::uint32_t c0 = std::uint32_t(index), c1 = std::uint32_t(index >> 32);
  std::uint32_t c2 = std::uint32_t(counter), c3 = std::uint32_t(counter >> 32);
  // Fold the stream into the key so that streams are independent generators.
  std::uint64_t k = key.seed ^ (key.stream * 0x9E3779B97F4A7C15ull);
  std::uint32_t k0 = std::uint32_t(k), k1 = std::uint32_t(k >> 32);
  for (int round = 0; round < 10; ++round) {
    std::uint64_t p0 = std::uint64_t(0xD2511F53u) * c0;
    std::uint64_t p1 = std::uint64_t(0xCD9E8D57u) * c2;
    std::uint32_t n0 = std::uint32_t(p1 >> 32) ^ c1 ^ k0;
    std::uint32_t n2 = std::uint32_t(p0 >> 32) ^ c3 ^ k1;
    c0 = n0;
    c1 = std::uint32_t(p1);
    c2 = n2;
    c3 = std::uint32_t(p0);
    k0 += 0x9E3779B9u;
    k1 += 0xBB67AE85u;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

double uniform01(const RngKey& key, std::uint64_t index, std::uint64_t counter) {
  std::uint32_t w[4];
  philox4x32(key, index, counter, w);
  return double(w[0] >> 8) * (1.0 / 16777216.0);
}

double standard_normal(const RngKey& key, std::uint64_t index, std::uint64_t counter) {
  std::uint32_t w[4];
  philox4x32(key, index, counter, w);
  double u1 = (double(w[0]) + 1.0) * (1.0 / 4294967297.0);  // (0, 1], so log is finite
  double u2 = double(w[1]) * (1.0 / 4294967296.0);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

std::uint64_t hash_name(const char* s) {
  std::uint64_t h = 1469598103934665603ull;
  for (; *s; ++s) {
    h ^= static_cast<unsigned char>(*s);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace spv
