// HyPerConn: a convolution (shared kernels, or with sharedWeights = false a patch per pre neuron) that owns its
// weights: initialised, normalised, written, and learned by its weight updater when plasticityFlag is set.
#pragma once
#include <memory>

#include "connections/conv_connection.hpp"
#include "core/group_type.hpp"
#include "connections/hebbian_updater.hpp"
#include "connections/hyper_conn_params.hpp"
#include "connections/normalize_weights.hpp"
#include "connections/weight_init_gauss2d.hpp"

namespace spv {

// What HyPerConn and MomentumConn share: the weights and their life; the concrete types own the params.
class HyPerConnBase : public ConvConnection {
 public:
  HyPerConnBase(const ParamGroup& group, const HyPerConnParams& p);
  const WeightStore& weights() const override { return weights_; }
  bool plastic() const override { return params_.plasticityFlag; }

  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void initialize(const RunContext& ctx) override;
  void update_weights(const StepInfo& s, const RunContext& ctx) override;
  void finish_initialize(const RunContext& ctx) override;
  void finish_weight_updates(const StepInfo& s) override;
  // W per arbor as <name>_W.pvp (unless suppressNonplasticCheckpoints leaves fixed weights out), the learning state.
  void register_state(CheckpointRegistry& r, const RunContext& ctx) override;
  bool initialize_from_checkpoint() const override { return params_.initializeFromCheckpointFlag; }

  // The learning state (null unless plasticityFlag); valid after allocate().
  const HebbianUpdater* updater() const { return updater_.get(); }
  // The normalisation this connection applies (strength already scaled for normalizeFromPostPerspective); "none"
  // for a group member, whose head normalises it.
  NormalizeSettings normalize_settings() const;
  // Whether this connection's weights are normalised by another's (normalizeMethod = normalizeGroup).
  bool in_group() const { return params_.normalizeMethod == "normalizeGroup"; }
  // A PlasticCloneConn's terms join this connection's dW (call during resolve; its plan is read at updates).
  void add_plastic_clone(const ConvConnection& clone) { plastic_clones_.push_back(&clone); }

 protected:
  const HyPerConnParams& hyper_params() const { return params_; }
  WeightStore& own_weights() { return weights_; }
  // The updater of a plastic connection; MomentumConn adds momentum.
  virtual std::unique_ptr<HebbianUpdater> make_updater(HebbianSources sources) const;

 private:
  void initialize_weights(const RunContext& ctx);
  // The initialiser into `weights` of geometry `g` (the connection's, or its kernels' for a non-shared expansion).
  void initialize_weights(const RunContext& ctx, const ConvGeometry& g, WeightStore& weights);
  // Gauss2DWeight's (and SpreadOverArborsWeight's) keys, with strength and whether pre and post are one layer.
  Gauss2DWeightInit gauss2d_settings() const;
  // The initialiser that runs: weightInitType, or FileWeight whenever initWeightsFile is given.
  WeightInitKind init_kind() const;

  const HyPerConnParams& params_;  // a view of the concrete type's params
  WeightStore weights_;
  const Layer* trigger_layer_ = nullptr;  // learning trigger (null: learn every weightUpdatePeriod)
  std::unique_ptr<HebbianUpdater> updater_;
  std::vector<const ConvConnection*> plastic_clones_;
  // normalizeGroup: the head keeps its members and the stores it normalises (itself first).
  std::vector<HyPerConnBase*> group_members_;
  std::vector<WeightStore*> group_;
  bool updated_ = false;  // an update ran in this step; read and cleared by a group head's finish_weight_updates
};

class HyPerConn : public Typed<HyPerConn, HyPerConnParams, HyPerConnBase> {
 public:
  static constexpr const char* kType = "HyPerConn";
  static constexpr const char* kDoc =
      "Convolution from pre activity into a post channel (shared kernels, or a patch per pre neuron); owns, "
      "initialises, normalises and writes its weights.";
  static void declare(SchemaBuilder<Params>& b) { declare_hyper_conn_keys(b); }
  using Typed::Typed;
};

}  // namespace spv
