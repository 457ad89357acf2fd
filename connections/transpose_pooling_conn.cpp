#include "connections/transpose_pooling_conn.hpp"

#include "connections/pooling_delivery.hpp"
#include "core/errors.hpp"
#include "core/object_table.hpp"

namespace spv {

const char* const TransposePoolingConn::kDoc =
    "Routes activity of a PoolingConn's post size back to its pre size: max pooling to the winners (the value of "
    "largest magnitude) its index layer recorded, or, without one, the winners of its windows over its pre layer's "
    "activity at this delivery; sum and average pooling to the whole windows (the largest value).";

void TransposePoolingConn::declare(SchemaBuilder<Params>& b) {
  using namespace checks;
  declare_layer_name_keys(b, "layer of the original's post size whose activity is routed",
                          "layer of the original's pre size that receives it");
  b.key("channelCode", &Params::channelCode, 0, "post channel: 0 excitatory, 1 inhibitory, -1 deliver nothing",
        {at_least(-1)})
      .key("originalConnName", &Params::originalConnName, Required, "the PoolingConn this one reverses")
      .key("updateGSynFromPostPerspective", &Params::updateGSynFromPostPerspective, false,
           "must be false: the post perspective is not implemented (nor in OpenPV)");
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    if (p.updateGSynFromPostPerspective)
      return {"updateGSynFromPostPerspective", "true is not implemented (OpenPV refuses it too); set it to false"};
    return {"", ""};
  });
}

std::vector<std::string> TransposePoolingConn::dependencies() const {
  std::vector<std::string> deps = Connection::dependencies();
  deps.push_back(params().originalConnName);
  return deps;
}

void TransposePoolingConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  Connection::resolve(objects, ctx);
  original_ = objects.require<PoolingConn>(params().originalConnName, *this, "originalConnName", "a PoolingConn");
  auto size = [](const Layer& l) {
    const LayerGeometry& g = l.geometry();
    return "\"" + l.name() + "\" (nx " + std::to_string(g.nx_global) + ", ny " + std::to_string(g.ny_global) + ", nf " +
           std::to_string(g.nf) + ")";
  };
  auto same_size = [](const Layer& a, const Layer& b) {
    const LayerGeometry &ga = a.geometry(), &gb = b.geometry();
    return ga.nx_global == gb.nx_global && ga.ny_global == gb.ny_global && ga.nf == gb.nf;
  };
  if (!same_size(pre(), original_->post()) || !same_size(post(), original_->pre()))
    throw GeometryError("connection \"" + name() + "\": the transpose of \"" + original_->name() + "\" (pre " +
                        size(original_->pre()) + ", post " + size(original_->post()) + ") needs a pre the size of " +
                        size(original_->post()) + " and a post the size of " + size(original_->pre()) + "; it has " +
                        size(pre()) + " and " + size(post()));
  geometry_ = original_->pooling_geometry().transposed();
  pre().require_halo(geometry_.pre_halo());
  if (original_->pooling_type() != PoolingType::Max) return;
  comm_ = ctx.comm;
  // The winners of the pooled neurons in the halo are read from the index layer's halo, or found over the tiles.
  if (Layer* index = original_->index_layer()) index->require_halo(geometry_.pre_halo());
}

void TransposePoolingConn::allocate(const RunContext& ctx) {
  Connection::allocate(ctx);
  plan_ = ConvPlan(geometry_, pre().geometry(), post().geometry());
  if (original_->pooling_type() != PoolingType::Max || original_->index_layer()) return;
  winners_geometry_ = original_->post().geometry();
  winners_geometry_.halo = geometry_.pre_halo();
  winners_restricted_.assign(winners_geometry_.neurons() * std::size_t(winners_geometry_.nbatch), 0.0f);
  winners_.assign(winners_geometry_.neurons_ext() * std::size_t(winners_geometry_.nbatch), 0.0f);
}

void TransposePoolingConn::find_winners() {
  const LayerGeometry& g = winners_geometry_;
  deliver_max_pooling(original_->plan(), original_->pre().A(), {}, winners_restricted_);
  for (int b = 0; b < g.nbatch; ++b)
    for (int y = 0; y < g.ny; ++y)
      std::copy_n(winners_restricted_.data() + std::size_t(b) * g.neurons() + g.index(0, y, 0),
                  std::size_t(g.nx) * g.nf, winners_.data() + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0));
  comm_->exchange_halo(g, winners_.data());
}

void TransposePoolingConn::deliver(const StepInfo&) {
  if (channel() < 0) return;
  std::span<float> gsyn = post().gsyn(channel());
  if (original_->pooling_type() == PoolingType::Max) {
    if (const Layer* index = original_->index_layer()) {
      deliver_unpool_max(plan_, pre().A(), index->geometry(), index->A(), original_->pre().geometry(), gsyn);
    } else {
      find_winners();
      deliver_unpool_max(plan_, pre().A(), winners_geometry_, winners_, original_->pre().geometry(), gsyn);
    }
  } else {
    deliver_unpool_spread(plan_, pre().A(), gsyn);
  }
}

}  // namespace spv
