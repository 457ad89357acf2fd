// A connection: pre layer, post layer, channel and delay; deliver() adds its contribution into the post layer's
// channel. Weight-holding types live in connections/.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/layer.hpp"
#include "core/object.hpp"

namespace spv {

// OpenPV's ways of combining patches; only convolve is implemented (the others are refused by name).
enum class AccumulateType { Convolve, Stochastic, MaxPooling, SumPooling };

// Keys every connection type shares.
struct ConnectionParams {
  std::string preLayerName, postLayerName;
  int channelCode;
  std::vector<double> delay{0.0};
  int numAxonalArbors = 1;  // set from the original's for dependent connections
  bool receiveGpu;
  AccumulateType pvpatchAccumulateType;
};

// preLayerName and postLayerName; as in OpenPV, when both are left out they come from a group name "AToB".
template <class P>
void declare_layer_name_keys(SchemaBuilder<P>& b, const std::string& pre_doc, const std::string& post_doc) {
  b.key("preLayerName", &P::preLayerName, std::string(), pre_doc + " (default: A of a group named \"AToB\")")
      .key("postLayerName", &P::postLayerName, std::string(), post_doc + " (default: B of a group named \"AToB\")");
}

// Whether a type names its layers, or takes them from another connection (OpenPV's FeedbackConn ignores the
// names; sparsepv accepts them only when they agree).
enum class LayerNames { Required, FromOriginal };
// Whether a type has its own arbors, or its original's (OpenPV's dependent connections ignore numAxonalArbors, so
// it is not their key: given, it warns as an OpenPV key without effect).
enum class ArborCount { Own, FromOriginal };

template <class P>
void declare_connection_keys(SchemaBuilder<P>& b, LayerNames names = LayerNames::Required,
                             ArborCount arbors = ArborCount::Own) {
  using namespace checks;
  if (names == LayerNames::Required)
    declare_layer_name_keys(b, "layer whose activity this connection reads",
                            "layer whose input channel this connection adds into");
  else
    b.key("preLayerName", &P::preLayerName, std::string(), "taken from the original (its post); if given, must agree")
        .key("postLayerName", &P::postLayerName, std::string(),
             "taken from the original (its pre); if given, must agree");
  b.key("channelCode", &P::channelCode, 0, "post channel: 0 excitatory, 1 inhibitory, -1 deliver nothing",
        {at_least(-1)})
      .key("delay", &P::delay, std::vector<double>{0.0}, "per arbor, in time units (a whole number of steps)");
  if (arbors == ArborCount::Own)
    b.key("numAxonalArbors", &P::numAxonalArbors, 1, "number of arbors (one delay each)", {at_least(1)});
  b.key("receiveGpu", &P::receiveGpu, false,
        "deliver on the GPU selected with -d (without -d: on the CPU, with a warning)");
  b.cross_check([arbors](const P& p) -> std::pair<std::string, std::string> {
    for (double d : p.delay)
      if (d < 0) return {"delay", "delays must be non-negative"};
    if (arbors == ArborCount::Own && p.delay.size() != 1 && int(p.delay.size()) != p.numAxonalArbors)
      return {"delay", "needs one value, or one per arbor (numAxonalArbors = " + std::to_string(p.numAxonalArbors) + ")"};
    return {"", ""};
  });
}

// pvpatchAccumulateType, declared by each type where OpenPV lists it (so the effective params keep its order).
template <class P>
void declare_accumulate_key(SchemaBuilder<P>& b) {
  b.choice("pvpatchAccumulateType", &P::pvpatchAccumulateType, AccumulateType::Convolve,
           {{"convolve", AccumulateType::Convolve},
            {"stochastic", AccumulateType::Stochastic},
            {"maxpooling", AccumulateType::MaxPooling},
            {"sumpooling", AccumulateType::SumPooling}},
           "how patches combine (only convolve is supported yet)");
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (p.pvpatchAccumulateType != AccumulateType::Convolve)
      return {"pvpatchAccumulateType", "is not supported yet; use \"convolve\""};
    return {"", ""};
  });
}

// The kernels a connection delivers with (for the dry run's report): patch size, number of weights, and whether
// they are its own (a clone shares its original's, so the memory estimate counts them once).
struct WeightShape {
  int nxp = 0, nyp = 0, nfp = 0;
  long count = 0;
  bool owned = true;
};

class Connection : public Object {
 public:
  Connection(const ParamGroup& group, const ConnectionParams& common);

  const ConnectionParams& common() const { return common_; }
  Layer& pre() const { return *pre_; }
  Layer& post() const { return *post_; }
  int channel() const { return common_.channelCode; }
  // Delay of an arbor in steps.
  int delay_steps(int arbor) const { return delay_steps_[std::size_t(arbor)]; }

  // Adds this step's contribution into post().gsyn(channel()); nothing for channel -1.
  virtual void deliver(const StepInfo& s) = 0;
  // Whether deliver() runs through the kernel contract (so the connection may deliver on the GPU with receiveGpu).
  virtual bool delivers_with_kernels() const { return false; }
  // Whether this connection learns (plasticityFlag).
  virtual bool plastic() const { return false; }
  // Learning hook, called after the layers of a step have updated.
  virtual void update_weights(const StepInfo&, const RunContext&) {}
  // Called once every connection's update_weights of a step has run (group normalisation sees all members' updates).
  virtual void finish_weight_updates(const StepInfo&) {}
  // Called once every object has initialised, before a checkpoint is read (group normalisation of initial weights).
  virtual void finish_initialize(const RunContext&) {}
  // Write weights if due.
  virtual void write_output(const StepInfo&, const RunContext&) {}
  // The weights it delivers with; none for connections without (one-to-one types).
  virtual std::optional<WeightShape> weight_shape() const { return std::nullopt; }

  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  // The pre and post layers' names: the params' by default. A type that takes them from another connection
  // (FeedbackConn: its original's, reversed) overrides; that connection is then one of its dependencies, so resolved.
  virtual std::pair<std::string, std::string> layer_names(const ObjectTable&) const { return named_layers(); }
  // The params' names, or both inferred from a group name "AToB" when both are left out (OpenPV's rule).
  std::pair<std::string, std::string> named_layers() const;

  // Dependent connections: the original's arbor count, set before resolve() (which checks the delays against it).
  void use_arbors_of(const Connection& original) { common_.numAxonalArbors = original.common_.numAxonalArbors; }

  Layer* pre_ = nullptr;
  Layer* post_ = nullptr;

 private:
  ConnectionParams common_;
  std::vector<int> delay_steps_;
};

}  // namespace spv
