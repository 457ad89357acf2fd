#include "connections/normalize_weights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace spv {

namespace {

// Zeroes the central floor(2 rMinX) x floor(2 rMinY) block of every kernel (all features).
void apply_r_min(WeightStore& w, double r_min_x, double r_min_y) {
  const int full_x = int(std::floor(2 * r_min_x)), full_y = int(std::floor(2 * r_min_y));
  const int off_x = int(std::ceil((w.nxp() - full_x) / 2.0)), off_y = int(std::ceil((w.nyp() - full_y) / 2.0));
  const int width_x = w.nxp() - 2 * off_x, width_y = w.nyp() - 2 * off_y;
  for (int a = 0; a < w.arbors(); ++a)
    for (int k = 0; k < w.kernels(); ++k) {
      float* kernel = w.kernel(a, k).data();
      for (int y = off_y; y < off_y + width_y; ++y) {
        float* row = kernel + (std::size_t(y) * w.nxp() + off_x) * w.nfp();
        std::fill(row, row + std::size_t(std::max(width_x, 0)) * w.nfp(), 0.0f);
      }
    }
}

void apply_cutoff(WeightStore& w, double cutoff) {
  auto values = w.values();
  float max_abs = 0.0f;
  for (float v : values) max_abs = std::max(max_abs, std::fabs(v));
  const float threshold = float(max_abs * cutoff);
  for (float& v : values)
    if (std::fabs(v) < threshold) v = 0.0f;
}

// The statistic a method scales to, accumulated over one kernel of the given arbors in every store of a group.
double kernel_norm(std::span<WeightStore* const> group, const std::string& method, int k, int arbor_begin,
                   int arbor_end) {
  double acc = method == "normalizeMax" ? -std::numeric_limits<double>::infinity() : 0.0;
  for (const WeightStore* w : group)
    for (int a = arbor_begin; a < arbor_end; ++a)
      for (float v : w->kernel(a, k)) {
        if (method == "normalizeL2") acc += double(v) * v;
        else if (method == "normalizeSum") acc += v;
        else acc = std::max(acc, double(v));
      }
  return method == "normalizeL2" ? std::sqrt(acc) : acc;
}

bool tolerated(const std::string& method, double norm, double min_tolerated) {
  if (method == "normalizeSum") return std::fabs(norm) <= min_tolerated;
  return norm <= min_tolerated;
}

}  // namespace

void normalize_weights(WeightStore& w, const NormalizeSettings& s) {
  WeightStore* const one[] = {&w};
  normalize_weight_group(one, s);
}

void normalize_weight_group(std::span<WeightStore* const> group, const NormalizeSettings& s) {
  if (s.method == "none" || group.empty()) return;
  for (WeightStore* w : group) {
    if (s.r_min_x > 0.5 && s.r_min_y > 0.5) apply_r_min(*w, s.r_min_x, s.r_min_y);
    if (s.nonnegative)
      for (float& v : w->values()) v = std::max(v, 0.0f);
    if (s.cutoff > 0) apply_cutoff(*w, s.cutoff);
  }
  const WeightStore& first = *group.front();
  const int groups = s.arbors_individually ? first.arbors() : 1;
  for (int g = 0; g < groups; ++g) {
    const int arbor_begin = s.arbors_individually ? g : 0;
    const int arbor_end = s.arbors_individually ? g + 1 : first.arbors();
    for (int k = 0; k < first.kernels(); ++k) {
      const double norm = kernel_norm(group, s.method, k, arbor_begin, arbor_end);
      if (tolerated(s.method, norm, s.min_tolerated)) continue;  // too close to zero to scale; OpenPV warns
      const float factor = float(s.strength / norm);
      for (WeightStore* w : group)
        for (int a = arbor_begin; a < arbor_end; ++a)
          for (float& v : w->kernel(a, k)) v *= factor;
    }
  }
  for (WeightStore* w : group) w->touch();
}

}  // namespace spv
