#include "connections/momentum_updater.hpp"

#include <algorithm>
#include <cmath>

namespace spv {

MomentumRule momentum_rule(MomentumMethod method, double tau, double decay, float dw_max) {
  const float t = float(tau), d = float(decay);
  if (method == MomentumMethod::Viscosity) return {t != 0.0f ? std::exp(-1.0f / t) : 0.0f, d};
  if (method == MomentumMethod::Alex) return {t, d * dw_max};
  return {t, d};
}

void apply_momentum(float* dw, const float* prev, const float* w, std::size_t n, MomentumRule rule) {
  const float keep = 1.0f - rule.dw_factor;
  for (std::size_t i = 0; i < n; ++i) {
    dw[i] *= keep;
    dw[i] += rule.dw_factor * prev[i];
    dw[i] -= rule.w_factor * w[i];
  }
}

MomentumUpdater::MomentumUpdater(const MomentumConnParams& params, HebbianSources sources, const WeightStore& shape,
                                 std::vector<float> initial_prev_dw)
    : HebbianUpdater(params, std::move(sources), shape), method_(params.momentumMethod),
      tau_(params.timeConstantTau), decay_(params.momentumDecay), initial_prev_dw_(std::move(initial_prev_dw)) {
  initialize();
}

void MomentumUpdater::initialize() {
  HebbianUpdater::initialize();
  prev_dw_ = initial_prev_dw_;
}

void MomentumUpdater::apply(std::span<float> dw, WeightStore& w) {
  const MomentumRule rule = momentum_rule(method_, tau_, decay_, dw_max());
  const std::size_t n = dw.size();
  const std::size_t chunk = 4096;  // element-wise, so any split gives the same result; chunks keep threads busy
  const long chunks = long((n + chunk - 1) / chunk);
  float* d = dw.data();
  const float* p = prev_dw_.data();
  const float* v = w.values().data();
#pragma omp parallel for schedule(static)
  for (long c = 0; c < chunks; ++c) {
    const std::size_t begin = std::size_t(c) * chunk;
    apply_momentum(d + begin, p + begin, v + begin, std::min(chunk, n - begin), rule);
  }
  std::copy(dw.begin(), dw.end(), prev_dw_.begin());
  HebbianUpdater::apply(dw, w);
}

}  // namespace spv

namespace spv {

void MomentumUpdater::register_state(CheckpointRegistry& r) { HebbianUpdater::register_state(r); }

}  // namespace spv
