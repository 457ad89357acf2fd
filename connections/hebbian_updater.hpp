// Learning of a HyPerConn's shared weights (OpenPV's HebbianUpdater): when due, the Hebbian terms of every batch
// element and tile summed exactly (hebbian_dw.hpp), so that dW does not depend on the rows x columns x batch split
// or the thread count; dW divided by its contribution counts, W += dW, the non-negative constraint, normalisation
// and the dWMax decay. MomentumUpdater mixes in the previous dW before W += dW.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "connections/conv_delivery.hpp"
#include "connections/hyper_conn_params.hpp"
#include "connections/normalize_weights.hpp"
#include "connections/weight_store.hpp"
#include "core/layer.hpp"

namespace spv {

class Communicator;
class CheckpointRegistry;

// A PlasticCloneConn of the learning connection: its Hebbian terms (its own layers, the original's delays) add into
// the original's dW and counts.
struct HebbianClone {
  const ConvPlan* plan = nullptr;
  const Layer* pre = nullptr;
  const Layer* post = nullptr;
};

// What an updater reads: the connection's plan, its layers and per-arbor delays, and the learning trigger.
struct HebbianSources {
  const ConvPlan* plan = nullptr;
  const Layer* pre = nullptr;
  const Layer* post = nullptr;
  std::vector<int> delay_steps;     // per arbor
  const Layer* trigger = nullptr;   // null: every weightUpdatePeriod from initialWeightUpdateTime
  NormalizeSettings normalize;      // applied after each update when normalizeOnWeightUpdate
  std::vector<HebbianClone> clones;  // plastic clones whose terms join this connection's
};

class HebbianUpdater {
 public:
  HebbianUpdater(const HyPerConnParams& params, HebbianSources sources, const WeightStore& shape);
  virtual ~HebbianUpdater() = default;

  // Resets the learning state (dWMax, pending dW) for a run that starts now.
  virtual void initialize();
  // Whether an update happens in the step ending at s.time: the trigger layer fires at s.time + triggerOffset, or
  // s.time is initialWeightUpdateTime + k weightUpdatePeriod, k >= 0 (within dt/2).
  bool due(const StepInfo& s) const;
  // One update of w. immediateWeightUpdate: dW from this step's activity is applied now; otherwise the dW of the
  // previous update is applied and this step's is kept for the next (zero at the first update).
  void update(Communicator& comm, WeightStore& w);

  float dw_max() const { return dw_max_; }
  // The learning state a checkpoint keeps: the decayed dWMax, its decay timer and the pending dW of a delayed update.
  virtual void register_state(CheckpointRegistry& r);
  // The dW applied by the latest update (after momentum), arbor-major like the weights.
  std::span<const float> last_dw() const { return dw_; }

 protected:
  // dw -> w for every arbor; `dw` aliases w.values() with combine_dW_with_W_flag.
  virtual void apply(std::span<float> dw, WeightStore& w);
  const HyPerConnParams& params() const { return params_; }

 private:
  // This rank's exact Hebbian sums and counts over its batch elements, then their sum over all ranks into sums_.
  void compute_sums(Communicator& comm);
  // dW (or, combining, W + dW) from sums_, divided by the counts with normalizeDw; returns where it was written.
  std::span<float> finish_dw(WeightStore& w);
  void decay_dw_max();

  HyPerConnParams params_;
  HebbianSources sources_;
  std::vector<HebbianClone> terms_;  // whose Hebbian terms add up: this connection's layers, then each plastic clone's
  std::size_t weights_ = 0;        // arbors x kernels x patch
  std::size_t arbor_size_ = 0;
  float dw_max_ = 0.0f;
  int decay_timer_ = 0;
  std::vector<std::int64_t> exact_;  // dW of all arbors in grid units, then counts: this rank's, then everyone's
  std::vector<double> sums_;         // the global sums as values: dW, then counts
  std::vector<float> dw_;
};

}  // namespace spv
