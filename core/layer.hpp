// A layer: geometry, membrane potential V, activity A (published with a halo and kept for delays), input channels
// GSyn, initial values, triggers and activity output. Types differ only in how they turn GSyn into V and A.
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/layer_params.hpp"
#include "core/object.hpp"

namespace spv {

class ActivityWriter;

class Layer : public Object {
 public:
  Layer(const ParamGroup& group, const LayerParams& common);
  ~Layer() override;

  const LayerParams& common() const { return common_; }
  const LayerGeometry& geometry() const { return geometry_; }
  int phase() const { return common_.phase; }

  // Membrane potential, [batch][y][x][f] restricted; empty for layers without V.
  std::span<float> V() { return {v_.data(), v_.size()}; }
  std::span<const float> V() const { return {v_.data(), v_.size()}; }
  // Activity, [batch][y][x][f] extended by the halo; this is what connections with delay 0 read.
  std::span<float> A() { return {a_.data(), a_.size()}; }
  std::span<const float> A() const { return {a_.data(), a_.size()}; }
  // Activity as published `steps` updates ago (0: the latest).
  std::span<const float> A_delayed(int steps) const;
  // Input channel c, [batch][y][x][f] restricted; connections add into it; cleared after each update.
  std::span<float> gsyn(int channel) { return {gsyn_[channel].data(), gsyn_[channel].size()}; }
  std::span<const float> gsyn(int channel) const { return {gsyn_[channel].data(), gsyn_[channel].size()}; }
  int num_channels() const { return static_cast<int>(gsyn_.size()); }

  // During resolve, connections that read this layer ask for a halo and a delay depth.
  void require_halo(const Halo& h) { halo_request_.grow_to(h); }
  void require_delay(int steps) { max_delay_ = std::max(max_delay_, steps); }
  // Whether this layer keeps a membrane potential V (inputs and clones do not).
  bool has_membrane() const { return has_v(); }
  // The channel count a connection may deliver into (types with more channels override).
  virtual int channels_needed() const { return 2; }

  // The soft/hard threshold of threshold layers (for L1NormLCAProbe); empty for others.
  virtual std::optional<double> vthresh() const { return std::nullopt; }
  // True when this layer gets new data at time t (inputs: a new frame); other layers update every step.
  virtual bool fires_at(double t, double dt) const;
  // Whether this layer updates in the step ending at t (its trigger, if any, fires at t + triggerOffset).
  bool updates_at(const StepInfo& s) const;

  // Step: turn GSyn into V and A (respecting the trigger), clear GSyn, check for NaN.
  void step(const StepInfo& s, const RunContext& ctx);
  // Fill the halo (neighbours, then the boundary condition) and push the activity into the delay buffers.
  void publish(const RunContext& ctx);
  // Write activity if due.
  void write_output(const StepInfo& s, const RunContext& ctx);

  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void initialize(const RunContext& ctx) override;
  void finish(const RunContext& ctx) override;
  std::vector<std::string> dependencies() const override;
  // V, A, the delay levels and head (model state); next write time and activity file position (run state).
  void register_state(CheckpointRegistry& r, const RunContext& ctx) override;
  bool initialize_from_checkpoint() const override { return common_.initializeFromCheckpointFlag; }
  std::vector<std::pair<std::string, long>> checkpoint_shape() const override {
    return {{"nxScale", geometry_.nx_global}, {"nyScale", geometry_.ny_global}, {"nf", geometry_.nf}};
  }

 protected:
  // Whether the type has its own V buffer.
  virtual bool has_v() const { return true; }
  // Compute V and the restricted part of A from GSyn for every local batch element.
  virtual void update_state(const StepInfo& s) = 0;
  // A from V after the initial V is set (and after a state reset); default copies V into A.
  virtual void activity_from_v();
  // Set the initial V (InitVType); input layers override to load their first frame instead.
  virtual void initialize_state(const RunContext& ctx);
  // Geometry hook for types whose size comes from elsewhere (clones). Default: column size times scale.
  virtual LayerGeometry compute_geometry(const RunContext& ctx) const;

  // Copy a restricted [y][x][f] block of batch element b into the interior of A.
  void set_activity(int b, std::span<const float> restricted);
  float* activity_ptr(int b) { return a_.data() + std::size_t(b) * geometry_.neurons_ext(); }
  float* v_ptr(int b) { return v_.data() + std::size_t(b) * geometry_.neurons(); }
  const float* gsyn_ptr(int c, int b) const { return gsyn_[c].data() + std::size_t(b) * geometry_.neurons(); }

  Layer* trigger_layer_ = nullptr;
  Layer* trigger_reset_layer_ = nullptr;
  LayerGeometry geometry_;
  std::vector<float> v_, a_;

 private:
  void reset_state();
  void fill_boundary();
  void check_finite(const StepInfo& s, const RunContext& ctx) const;

  LayerParams common_;
  Halo halo_request_;
  int max_delay_ = 0;
  std::vector<std::vector<float>> gsyn_;
  std::vector<std::vector<float>> delay_ring_;  // levels 1..max_delay_ of published activity
  int ring_head_ = 0;
  std::vector<float> initial_v_;  // for resetStateOnTrigger without a reset layer
  std::unique_ptr<ActivityWriter> writer_;
  double next_write_time_ = 0.0;
};

}  // namespace spv
