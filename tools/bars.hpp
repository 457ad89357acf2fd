// The bars data set, shared by spv-make-bars and spv-check-bars: the 2n horizontal and vertical
// bars of an n x n image, images that superpose random bars, and the cosine that matches learned elements to bars.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/rng.hpp"

namespace spv::bars {

// Bar i of an n x n image, [y][x]: for i < n the horizontal bar on row i, else the vertical bar on column i - n.
inline std::vector<float> bar(int n, int i) {
  std::vector<float> v(std::size_t(n) * n, 0.0f);
  for (int k = 0; k < n; ++k) v[i < n ? std::size_t(i) * n + k : std::size_t(k) * n + (i - n)] = 1.0f;
  return v;
}

inline std::string bar_name(int n, int i) {
  return i < n ? "horizontal row " + std::to_string(i) : "vertical column " + std::to_string(i - n);
}

// Image `index`: each of the 2n bars is on with probability p (a pure function of seed, index and bar); 1 on every
// pixel of a bar that is on (crossings stay 1), 0 elsewhere.
inline std::vector<float> image(int n, double p, std::uint64_t seed, std::uint64_t index) {
  const RngKey key{seed, hash_name("bars")};
  std::vector<float> v(std::size_t(n) * n, 0.0f);
  for (int i = 0; i < 2 * n; ++i) {
    if (uniform01(key, index * std::uint64_t(2 * n) + std::uint64_t(i)) >= p) continue;
    const std::vector<float> b = bar(n, i);
    for (std::size_t k = 0; k < v.size(); ++k) v[k] = std::max(v[k], b[k]);
  }
  return v;
}

// Cosine similarity; 0 when either vector is zero.
inline double cosine(std::span<const float> a, std::span<const float> b) {
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) {
    ab += double(a[k]) * b[k];
    aa += double(a[k]) * a[k];
    bb += double(b[k]) * b[k];
  }
  return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0.0;
}

}  // namespace spv::bars
