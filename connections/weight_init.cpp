#include "connections/weight_init.hpp"

#include <algorithm>
#include <cmath>

namespace spv {

namespace {

// Counters of the draws of one weight index (the value, its zeroing) and of one kernel (its start position).
constexpr std::uint64_t value_draw = 0, sparse_draw = 1, start_draw = 2;

}  // namespace

void init_uniform_random(WeightStore& w, const RngKey& key, const UniformWeightInit& u) {
  const std::size_t ps = w.patch_size();
  const double range = u.w_max - u.w_min;
  for (int a = 0; a < w.arbors(); ++a)
    for (int k = 0; k < w.kernels(); ++k) {
      const std::uint64_t patch_index = std::uint64_t(a) * std::uint64_t(w.kernels()) + std::uint64_t(k);
      const std::uint64_t first = patch_index * ps;
      float* out = w.kernel(a, k).data();
      long zeros_left = long(ps) - u.min_nnz;
      std::size_t start = 0;
      if (u.min_nnz != 0)
        start = std::min(ps - 1, std::size_t(uniform01(key, patch_index, start_draw) * double(ps)));
      for (std::size_t n = 0; n < ps; ++n) {
        float value = float(u.w_min + range * uniform01(key, first + n, value_draw));
        if (zeros_left > 0 && uniform01(key, first + n, sparse_draw) < u.sparse_fraction) {
          value = 0.0f;
          --zeros_left;
        }
        out[(n + start) % ps] = value;
      }
    }
  w.touch();
}

void init_gaussian_random(WeightStore& w, const RngKey& key, double mean, double stdev) {
  auto values = w.values();
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = float(mean + stdev * standard_normal(key, i));
  w.touch();
}

void init_one_to_one(WeightStore& w, float value) {
  auto values = w.values();
  std::fill(values.begin(), values.end(), 0.0f);
  const std::size_t centre = (std::size_t(w.nyp() / 2) * w.nxp() + std::size_t(w.nxp() / 2)) * w.nfp();
  for (int a = 0; a < w.arbors(); ++a)
    for (int k = 0; k < w.kernels() && k < w.nfp(); ++k) w.kernel(a, k)[centre + std::size_t(k)] = value;
  w.touch();
}

void init_discrete_uniform_random(WeightStore& w, const RngKey& key, double w_min, double w_max, int num_values) {
  const double n = double(num_values);
  const double step = (w_max - w_min) / (n - 1.0);
  auto values = w.values();
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double level = std::min(n - 1.0, std::floor(n * uniform01(key, i)));  // uniform01 < 1, so level < n
    values[i] = float(w_min + step * level);
  }
  w.touch();
}

void init_uniform(WeightStore& w, float value, bool only_same_features) {
  const int nfp = w.nfp();
  for (int a = 0; a < w.arbors(); ++a)
    for (int k = 0; k < w.kernels(); ++k) {
      auto kernel = w.kernel(a, k);
      for (std::size_t n = 0; n < kernel.size(); ++n)
        kernel[n] = (only_same_features && int(n % std::size_t(nfp)) != k % nfp) ? 0.0f : value;
    }
  w.touch();
}

void init_smart(WeightStore& w) {
  for (int a = 0; a < w.arbors(); ++a)
    for (int k = 0; k < w.kernels(); ++k) {
      auto kernel = w.kernel(a, k);
      std::fill(kernel.begin(), kernel.end(), float(k));
    }
  w.touch();
}

void init_one_to_one_with_delays(WeightStore& w) {
  auto values = w.values();
  std::fill(values.begin(), values.end(), 0.0f);
  const std::size_t centre = (std::size_t(w.nyp() / 2) * w.nxp() + std::size_t(w.nxp() / 2)) * w.nfp();
  for (int a = 0; a < w.arbors(); ++a)
    for (int k = 0; k < w.kernels(); ++k) {
      const long f = long(w.arbors()) * k + a;
      if (f < w.nfp()) w.kernel(a, k)[centre + std::size_t(f)] = 1.0f;
    }
  w.touch();
}

}  // namespace spv
