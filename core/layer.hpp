// A layer: geometry, membrane potential V, activity A (published with a halo and kept for delays), input channels
// GSyn, initial values, triggers and activity output. Types differ only in how they turn GSyn into V and A.
#pragma once
#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/device_mirror.hpp"
#include "core/geometry.hpp"
#include "core/kernels/backend.hpp"
#include "core/layer_params.hpp"
#include "core/object.hpp"
#include "core/write_schedule.hpp"

namespace spv {

class ActivityWriter;

class Layer : public Object {
 public:
  Layer(const ParamGroup& group, const LayerParams& common);
  ~Layer() override;

  const LayerParams& common() const { return common_; }
  const LayerGeometry& geometry() const { return geometry_; }
  int phase() const { return phase_; }

  // Host views of the state. On a device layer (updateGpu) they are sync points: they bring the host copy up to
  // date, and the writable ones mark it newest, so the next kernel pushes it back.
  // Membrane potential, [batch][y][x][f] restricted; empty for layers without V.
  std::span<float> V() { return {host_rw(v_mirror_, v_), v_.size()}; }
  std::span<const float> V() const { return {host_ro(v_mirror_, v_), v_.size()}; }
  // Activity, [batch][y][x][f] extended by the halo; this is what connections with delay 0 read.
  std::span<float> A() { return {host_rw(a_mirror_, a_), a_.size()}; }
  std::span<const float> A() const { return {host_ro(a_mirror_, a_), a_.size()}; }
  // Activity as published `steps` updates ago (0: the latest).
  std::span<const float> A_delayed(int steps) const;
  // Input channel c, [batch][y][x][f] restricted; connections add into it; cleared after each update.
  std::span<float> gsyn(int c) { return {host_rw(gsyn_mirror(c), gsyn_[c]), gsyn_[c].size()}; }
  std::span<const float> gsyn(int c) const { return {host_ro(gsyn_mirror(c), gsyn_[c]), gsyn_[c].size()}; }

  // The back-end this layer updates on (the CPU, or the GPU for updateGpu), and its state in that back-end's
  // memory for kernels: host pointers on the CPU, device pointers (after pushing newer host values) on a device.
  // The `_rw` forms also mark the device copy newest.
  Backend& backend() const { return *backend_; }
  bool on_device() const { return backend_->separate_memory(); }
  const float* kernel_v() const { return v_mirror_ ? v_mirror_->device() : v_.data(); }
  float* kernel_v_rw() { return v_mirror_ ? v_mirror_->device_rw() : v_.data(); }
  const float* kernel_a() const { return a_mirror_ ? a_mirror_->device() : a_.data(); }
  float* kernel_a_rw() { return a_mirror_ ? a_mirror_->device_rw() : a_.data(); }
  const float* kernel_gsyn(int c) const { return gsyn_mirrors_.empty() ? gsyn_[c].data() : gsyn_mirrors_[c]->device(); }
  float* kernel_gsyn_rw(int c) { return gsyn_mirrors_.empty() ? gsyn_[c].data() : gsyn_mirrors_[c]->device_rw(); }
  // Sync points around checkpoints: before the registry reads the host state, and after it wrote it.
  void sync_to_host() const;
  void host_state_changed();
  int num_channels() const { return static_cast<int>(gsyn_.size()); }

  // During resolve, connections that read this layer ask for a halo and a delay depth.
  void require_halo(const Halo& h) { halo_request_.grow_to(h); }
  void require_delay(int steps) { max_delay_ = std::max(max_delay_, steps); }
  // The halo asked for so far (the geometry's halo once allocated).
  const Halo& requested_halo() const { return halo_request_; }
  // Whether this layer keeps a membrane potential V (inputs and clones do not).
  bool has_membrane() const { return has_v(); }
  // The channel count a connection may deliver into (types with more channels override); the two of V = GSyn[0] -
  // GSyn[1], or as many as channelIndices gives coefficients for.
  virtual int channels_needed() const { return std::max(2, int(channel_coefficients_.size())); }
  // The non-default channel coefficients (channelIndices / channelCoefficients); empty for GSyn[0] - GSyn[1].
  const std::vector<float>& channel_coefficients() const { return channel_coefficients_; }

  // Whether update_state runs through the kernel contract (so the layer may run on the GPU with updateGpu).
  virtual bool updates_with_kernels() const { return false; }
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
  // NAME.pvp when writeStep >= 0.
  std::vector<OutputFile> output_files(const RunContext& ctx) const override;
  void open_outputs(const RunContext& ctx) override;
  void finish(const RunContext& ctx) override;
  std::vector<std::string> dependencies() const override;
  // Bytes of this rank's state buffers (V, A, GSyn, delay levels), for the dry run's memory estimate.
  std::size_t buffer_bytes() const;
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
  // True when the layer fills its halo beyond the global edge itself (inputs with useInputBCflag), so that publish
  // leaves it unless mirrorBCflag asks for the mirror (which OpenPV applies last).
  virtual bool fills_own_boundary() const { return false; }
  // For types whose phase is another layer's (InputRegionLayer); only before the column schedules the layers.
  void set_phase(int phase) { phase_ = phase; }
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
  // Host pointer of a buffer after its mirror (if any) pulled newer device values; _rw marks the host newest.
  static const float* host_ro(const std::unique_ptr<DeviceMirror>& m, const std::vector<float>& v) {
    if (m) m->pull();
    return v.data();
  }
  static float* host_rw(const std::unique_ptr<DeviceMirror>& m, std::vector<float>& v) {
    if (m) m->host_will_write();
    return v.data();
  }
  const std::unique_ptr<DeviceMirror>& gsyn_mirror(int c) const {
    static const std::unique_ptr<DeviceMirror> none;
    return gsyn_mirrors_.empty() ? none : gsyn_mirrors_[std::size_t(c)];
  }
  // The halo can be filled on the device: the tile is the whole layer (no neighbours) and no delays are kept.
  bool device_publish() const;
  void check_finite(const StepInfo& s, const RunContext& ctx) const;

  // Sum the channels with their coefficients into GSyn[0] and zero the others, so that the type's own GSyn[0] -
  // GSyn[1] is the sum (x - 0 is x: the same bits as OpenPV's sum). Only for non-default coefficients, on the host.
  void apply_channel_coefficients();

  const LayerParams& common_;  // a view of the concrete type's params
  std::vector<float> channel_coefficients_;
  int phase_;
  Halo halo_request_;
  int max_delay_ = 0;
  std::vector<std::vector<float>> gsyn_;
  std::vector<std::vector<float>> delay_ring_;  // levels 1..max_delay_ of published activity
  int ring_head_ = 0;
  std::vector<float> initial_v_;  // for resetStateOnTrigger without a reset layer
  std::unique_ptr<ActivityWriter> writer_;
  WriteSchedule write_schedule_;
  Backend* backend_ = &cpu_backend();
  // Present only on a device layer.
  std::unique_ptr<DeviceMirror> v_mirror_, a_mirror_;
  std::vector<std::unique_ptr<DeviceMirror>> gsyn_mirrors_;
};

}  // namespace spv
