#include "connections/feedback_conn.hpp"

#include "core/object_table.hpp"

namespace spv {

const char* const FeedbackConn::kDoc =
    "Delivers with the transpose of originalConnName's weights from the original's post layer into its pre layer "
    "(the layers are the original's, reversed; none are named).";

void FeedbackConn::declare(SchemaBuilder<Params>& b) { declare_dependent_conn_keys(b, LayerNames::FromOriginal); }

std::pair<std::string, std::string> FeedbackConn::layer_names(const ObjectTable& objects) const {
  const auto* original = objects.require<Connection>(params().originalConnName, *this, "originalConnName",
                                                     "a connection with weights (HyPerConn, MomentumConn, ...)");
  const std::string pre = original->post().name(), post = original->pre().name();
  // A name that disagrees would silently connect other layers than the file says: refuse it.
  if (!params().preLayerName.empty() && params().preLayerName != pre)
    fail("preLayerName", "is \"" + params().preLayerName + "\" but a FeedbackConn of \"" + original->name() +
                             "\" reads \"" + pre + "\" (the original's post); leave it out");
  if (!params().postLayerName.empty() && params().postLayerName != post)
    fail("postLayerName", "is \"" + params().postLayerName + "\" but a FeedbackConn of \"" + original->name() +
                              "\" delivers into \"" + post + "\" (the original's pre); leave it out");
  return {pre, post};
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
