#include "connections/hebbian_updater.hpp"

#include "core/checkpoint/checkpoint_registry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "connections/hebbian_dw.hpp"
#include "core/comm/communicator.hpp"

namespace spv {

HebbianUpdater::HebbianUpdater(const HyPerConnParams& params, HebbianSources sources, const WeightStore& shape)
    : params_(params), sources_(std::move(sources)), weights_(shape.values().size()),
      arbor_size_(shape.arbor_size()) {
  // Each clone's terms come from its layers at this connection's delays, as OpenPV adds them.
  terms_.push_back({sources_.plan, sources_.pre, sources_.post});
  terms_.insert(terms_.end(), sources_.clones.begin(), sources_.clones.end());
  exact_.assign(2 * weights_, 0);
  dw_.assign(weights_, 0.0f);
  initialize();
}

void HebbianUpdater::initialize() {
  dw_max_ = float(params_.dWMax);
  decay_timer_ = 0;
  sums_.assign(2 * weights_, 0.0);
  std::fill(dw_.begin(), dw_.end(), 0.0f);
}

bool HebbianUpdater::due(const StepInfo& s) const {
  if (sources_.trigger) return sources_.trigger->fires_at(s.time + params_.triggerOffset, s.dt);
  const double period = params_.weightUpdatePeriod;
  const double n = (s.time - params_.initialWeightUpdateTime) / period;
  if (n * period < -0.5 * s.dt) return false;
  return std::fabs(n - std::nearbyint(n)) * period < 0.5 * s.dt;
}

void HebbianUpdater::update(Communicator& comm, WeightStore& w) {
  if (params_.immediateWeightUpdate) compute_sums(comm);
  apply(finish_dw(w), w);
  if (params_.nonnegativeConstraintFlag)
    for (float& v : w.values()) v = std::max(v, 0.0f);
  if (params_.normalizeOnWeightUpdate) normalize_weights(w, sources_.normalize);
  w.touch();
  if (!params_.immediateWeightUpdate) compute_sums(comm);
  decay_dw_max();
}

void HebbianUpdater::compute_sums(Communicator& comm) {
  const int nbatch = sources_.pre->geometry().nbatch;
  auto pre_of = [&](const HebbianClone& src, std::size_t arbor, int b) {
    const std::size_t pre_n = src.pre->geometry().neurons_ext();
    return src.pre->A_delayed(sources_.delay_steps[arbor]).subspan(std::size_t(b) * pre_n, pre_n);
  };
  auto post_of = [](const HebbianClone& src, int b) {
    const std::size_t post_n = src.post->geometry().neurons_ext();
    return src.post->A().subspan(std::size_t(b) * post_n, post_n);
  };
  // The grid comes from the largest pre and post activity of the whole layers (each a maximum over the ranks, so
  // the same for every split) and the most terms one weight can gather: a pre neuron per batch element (and source).
  float max_pre = 0.0f, max_post = 0.0f;
  double terms = 0.0;
  for (const HebbianClone& src : terms_) {
    for (int b = 0; b < nbatch; ++b) {
      max_post = std::max(max_post, max_post_activity(*src.plan, post_of(src, b)));
      for (std::size_t arbor = 0; arbor < sources_.delay_steps.size(); ++arbor)
        max_pre = std::max(max_pre, max_pre_activity(*src.plan, pre_of(src, arbor, b)));
    }
    const LayerGeometry& pre_g = src.pre->geometry();
    terms += double(pre_g.nbatch_global) * double(pre_g.nx_global + pre_g.halo.lt + pre_g.halo.rt) *
             double(pre_g.ny_global + pre_g.halo.dn + pre_g.halo.up);
  }
  const double bound = double(std::fabs(dw_max_)) * comm.maximum(max_pre) * comm.maximum(max_post);
  const DwGrid grid = dw_grid(bound, terms);
  std::fill(exact_.begin(), exact_.end(), 0);
  if (grid.finite)
    for (const HebbianClone& src : terms_)
      for (int b = 0; b < nbatch; ++b)
        for (std::size_t arbor = 0; arbor < sources_.delay_steps.size(); ++arbor)
          accumulate_hebbian_dw(*src.plan, pre_of(src, arbor, b), post_of(src, b), dw_max_, grid,
                                {exact_.data() + arbor * arbor_size_, arbor_size_},
                                {exact_.data() + weights_ + arbor * arbor_size_, arbor_size_});
  comm.sum_integers(exact_);
  const double unit = grid.unit();
  for (std::size_t i = 0; i < weights_; ++i) {
    sums_[i] = grid.finite ? double(exact_[i]) * unit : std::numeric_limits<double>::quiet_NaN();
    sums_[weights_ + i] = double(exact_[weights_ + i]);
  }
}

std::span<float> HebbianUpdater::finish_dw(WeightStore& w) {
  const bool combine = params_.combine_dW_with_W_flag;
  // OpenPV's combine_dW_with_W_flag accumulates dW into the weights' own buffer, so "dW" is then W plus the change.
  float* out = combine ? w.values().data() : dw_.data();
  // OpenPV divides by the counts only for shared weights: a non-shared weight takes one term per batch element.
  const bool by_count = params_.normalizeDw && params_.sharedWeights;
  const double* sum = sums_.data();
  const double* count = sums_.data() + weights_;
  const long n = long(weights_);
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; ++i) {
    double v = sum[i] + (combine ? double(out[i]) : 0.0);
    if (by_count) v = count[i] != 0.0 ? v / count[i] : 0.0;
    out[i] = float(v);
  }
  return {out, weights_};
}

void HebbianUpdater::apply(std::span<float> dw, WeightStore& w) {
  if (dw.data() != dw_.data()) std::copy(dw.begin(), dw.end(), dw_.begin());
  float* values = w.values().data();
  const float* change = dw.data();
  const long n = long(dw.size());
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; ++i) values[i] += change[i];
}

void HebbianUpdater::decay_dw_max() {
  // As OpenPV: the timer starts at 0, so dWMax first decays after the first update, then every interval + 1 updates.
  if (params_.dWMaxDecayInterval <= 0) return;
  if (--decay_timer_ < 0) {
    decay_timer_ = params_.dWMaxDecayInterval;
    dw_max_ *= 1.0f - float(params_.dWMaxDecayFactor);
  }
}

}  // namespace spv

namespace spv {

void HebbianUpdater::register_state(CheckpointRegistry& r) {
  r.add_value("dWMax", dw_max_, EntryKind::Run);
  r.add_value("dWMaxDecayTimer", decay_timer_, EntryKind::Run);
  r.add_floats("pending_dW", dw_, EntryKind::Run);
}

}  // namespace spv
