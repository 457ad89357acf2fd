// Base of the connections that deliver through shared convolution kernels (HyPerConn, MomentumConn, TransposeConn,
// CloneConn): geometry checks against both layers, the pre halo, the two deliveries, and weight output.
#pragma once
#include <string>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

#include "connections/conv_delivery.hpp"
#include "connections/delivery_choice.hpp"
#include "connections/conv_geometry.hpp"
#include "core/kernels/backend.hpp"
#include "connections/weight_store.hpp"
#include "core/connection.hpp"
#include "core/write_schedule.hpp"

namespace spv {

// Keys of every convolution connection: its delivery and its weight output.
struct ConvConnectionParams : ConnectionParams {
  bool updateGSynFromPostPerspective;
  DeliveryMethod deliveryMethod;
  double writeStep, initialWriteTime;
  bool writeCompressedWeights;
};

template <class P>
void declare_conv_connection_keys(SchemaBuilder<P>& b, LayerNames names = LayerNames::Required,
                                  ArborCount arbors = ArborCount::Own) {
  using namespace checks;
  declare_connection_keys(b, names, arbors);
  b.key("updateGSynFromPostPerspective", &P::updateGSynFromPostPerspective, false,
        "deliver by gathering over post neurons (dense path) instead of scattering active pre neurons; followed "
        "where deliveryMethod = \"perspective\"")
      .choice("deliveryMethod", &P::deliveryMethod, DeliveryMethod::Auto,
              {{"auto", DeliveryMethod::Auto},
               {"perspective", DeliveryMethod::Perspective},
               {"library", DeliveryMethod::Library}},
              "CPU convolution: auto (scatter the active pre neurons or gather, whichever the measured activity "
              "makes cheaper; both give the same bits), perspective (as updateGSynFromPostPerspective says), library "
              "(oneDNN's dense convolution, needs a build with libdnnl-dev; rounds differently, within 1e-6). With "
              "receiveGpu: auto gathers over the active pre neurons (the CPU's bits), library is cuDNN");
  declare_accumulate_key(b);
  b.key("writeStep", &P::writeStep, -1.0, "write weights every writeStep time units; 0: every step; negative: never")
      .key("initialWriteTime", &P::initialWriteTime, 0.0,
           "time of the first weight write (a negative one moves forward by whole writeSteps)", {checks::finite()})
      .key("writeCompressedWeights", &P::writeCompressedWeights, false, "write weights as bytes (PVP datatype 1)");
}

class ConvConnection : public Connection {
 public:
  ConvConnection(const ParamGroup& group, const ConvConnectionParams& p);
  const ConvConnectionParams& conv_params() const { return conv_params_; }

  // The kernels this connection delivers with: its own, its original's, or its original's transposed.
  virtual const WeightStore& weights() const = 0;
  // weights() after bringing them up to date (for connections that use this one's weights).
  const WeightStore& current_weights() {
    refresh_weights();
    return weights();
  }
  // Valid after resolve().
  const ConvGeometry& conv_geometry() const { return geometry_; }
  // This rank's delivery tables; valid after allocate().
  const ConvPlan& conv_plan() const { return plan_; }

  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void initialize(const RunContext& ctx) override;
  void deliver(const StepInfo& s) override;
  bool delivers_with_kernels() const override { return true; }
  void write_output(const StepInfo& s, const RunContext& ctx) override;
  // NAME.pvp when writeStep >= 0, and the subtype's further weight-shaped files.
  std::vector<OutputFile> output_files(const RunContext& ctx) const override;
  std::optional<WeightShape> weight_shape() const override;
  // Whether weights() is this connection's own store (a clone delivers with its original's).
  virtual bool owns_weights() const { return true; }
  // Next weight-write time and the weight output file's position (run state).
  void register_state(CheckpointRegistry& r, const RunContext& ctx) override;
  std::vector<std::pair<std::string, long>> checkpoint_shape() const override {
    return {{"nxp", geometry_.nxp()}, {"nyp", geometry_.nyp()}, {"nfp", geometry_.nfp}, {"numAxonalArbors", common().numAxonalArbors}};
  }

 protected:
  // Checks the patch against the pre and post layers (GeometryError naming both), records the geometry and asks the
  // pre layer for the halo it needs. nfp = -1 takes the post layer's nf; shared = false gives each pre neuron its own
  // patch. Call from resolve() after this class's.
  void set_geometry(int nxp, int nyp, int nfp, bool shared = true);
  // The same for a geometry derived from another connection (transpose, clone): checks it against this one's layers.
  void set_geometry(const ConvGeometry& g);
  // A further file of the weights' shape written on their schedule, NAME.<tag>.pvp, its checkpointed position
  // "<tag>OutputPosition" (OpenPV's MomentumConn writes its previous dW as NAME.prevDelta.pvp); `values` gives what
  // to write at the time, as many values as the weights.
  struct ExtraWeightFile {
    std::string tag;
    std::function<std::span<const float>()> values;
  };
  virtual std::vector<ExtraWeightFile> extra_weight_files() const { return {}; }
  // Brings weights() up to date before they are used (a transpose rebuilds from its original); default: nothing.
  virtual void refresh_weights() {}
  // `connection "name": pre "A" (nx 16, ny 16, nf 128), post "B" (nx 32, ny 32, nf 3)` for error messages.
  std::string describe_layers() const;

 private:
  // receiveGpu: delivers on the GPU into the post layer's device channel; weights are uploaded when their version
  // changes, pre activity read in place when its layer is on the device (delay 0), else uploaded (a sync point).
  void allocate_on_device();
  void deliver_on_device();

  const ConvConnectionParams& conv_params_;  // a view of the concrete type's params
  ConvGeometry geometry_;
  ConvPlan plan_;
  DeliveryChoice cpu_delivery_;
  std::unique_ptr<ConvKernels> device_kernels_;
  BackendBuffer device_weights_, device_pre_;
  const WeightStore* uploaded_store_ = nullptr;
  std::uint64_t uploaded_version_ = 0;
  DeliveryMode device_mode_ = DeliveryMode::Sparse;
  WriteSchedule write_schedule_;
  bool file_started_ = false;
  std::deque<bool> extra_started_;  // per extra_weight_files() entry: its file has a frame (stable references)
  // Registers the checkpoint entry `entry` holding the length of output file `file` (`started`: it has a frame).
  void register_file_position(CheckpointRegistry& r, OutputDirectory* out, const std::string& entry,
                              const std::string& file, bool& started);
};

}  // namespace spv
