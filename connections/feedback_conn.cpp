#include "connections/feedback_conn.hpp"

#include "core/object_table.hpp"

namespace spv {

const char* const FeedbackConn::kDoc =
    "Delivers with the transpose of originalConnName's weights from the original's post layer into its pre layer "
    "(the layers are the original's, reversed; none are named).";

void FeedbackConn::declare(SchemaBuilder<Params>& b) {
  using namespace checks;
  b.key("channelCode", &Params::channelCode, 0, "post channel: 0 excitatory, 1 inhibitory, -1 deliver nothing",
        {at_least(-1)})
      .key("delay", &Params::delay, std::vector<double>{0.0}, "per arbor, in time units (a whole number of steps)")
      .key("numAxonalArbors", &Params::numAxonalArbors, 1, "number of arbors; must equal the original's", {at_least(1)})
      .key("receiveGpu", &Params::receiveGpu, false, "deliver on the GPU (needs a CUDA build and -d)")
      .key("updateGSynFromPostPerspective", &Params::updateGSynFromPostPerspective, false,
           "deliver by gathering over post neurons instead of scattering active pre neurons; followed where "
           "deliveryMethod = \"perspective\"")
      .choice("deliveryMethod", &Params::deliveryMethod, DeliveryMethod::Auto,
              {{"auto", DeliveryMethod::Auto},
               {"perspective", DeliveryMethod::Perspective},
               {"library", DeliveryMethod::Library}},
              "CPU convolution: auto (scatter or gather, the same bits), perspective (as "
              "updateGSynFromPostPerspective says), library (oneDNN; rounds differently)");
  declare_accumulate_key(b);
  b.key("writeStep", &Params::writeStep, -1.0, "write weights every writeStep time units; -1: never")
      .key("initialWriteTime", &Params::initialWriteTime, 0.0, "time of the first weight write", {non_negative()})
      .key("writeCompressedWeights", &Params::writeCompressedWeights, false, "write weights as bytes (PVP datatype 1)")
      .key("originalConnName", &Params::originalConnName, Required,
           "the connection whose weights (transposed) and layers (reversed) this one uses")
      .key("sharedWeights", &Params::sharedWeights, true, "taken from the original; may only repeat its value (true)")
      .key("initializeFromCheckpointFlag", &Params::initializeFromCheckpointFlag, false,
           "accepted for OpenPV files; the weights are the original's")
      .key("writeCompressedCheckpoints", &Params::writeCompressedCheckpoints, false,
           "accepted for OpenPV files; this connection checkpoints nothing of its own");
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    for (double d : p.delay)
      if (d < 0) return {"delay", "delays must be non-negative"};
    if (p.delay.size() != 1 && int(p.delay.size()) != p.numAxonalArbors)
      return {"delay",
              "needs one value, or one per arbor (numAxonalArbors = " + std::to_string(p.numAxonalArbors) + ")"};
    if (!p.sharedWeights) return {"sharedWeights", "non-shared weights are not supported yet"};
    return {"", ""};
  });
  declare_write_step_check(b);
}

std::pair<std::string, std::string> FeedbackConn::layer_names(const ObjectTable& objects) const {
  const auto* original = objects.require<Connection>(params().originalConnName, *this, "originalConnName",
                                                     "a connection with weights (HyPerConn, MomentumConn, ...)");
  return {original->post().name(), original->pre().name()};
}

void FeedbackConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  DependentConn::resolve(objects, ctx);
  set_geometry(original().conv_geometry().transposed());
}

void FeedbackConn::allocate(const RunContext& ctx) {
  DependentConn::allocate(ctx);
  transposer_ = WeightTransposer(original().conv_geometry());
  weights_ = transposer_.make_store(common().numAxonalArbors);
  original_version_ = 0;
}

void FeedbackConn::initialize(const RunContext& ctx) {
  DependentConn::initialize(ctx);
  refresh_weights();
}

void FeedbackConn::refresh_weights() {
  const WeightStore& from = original().current_weights();
  if (from.version() == original_version_) return;
  transposer_.apply(from, weights_);
  original_version_ = from.version();
}

}  // namespace spv
