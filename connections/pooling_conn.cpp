#include "connections/pooling_conn.hpp"

#include "connections/pooling_delivery.hpp"
#include "core/errors.hpp"
#include "core/object_table.hpp"

namespace spv {

const char* const PoolingConn::kDoc =
    "Pools each feature of pre over the patch windows into the same feature of post: maxpooling, sumpooling or "
    "avgpooling; max pooling can record the winners in a PoolingIndexLayer.";

void PoolingConn::declare(SchemaBuilder<Params>& b) {
  using namespace checks;
  declare_layer_name_keys(b, "layer whose activity is pooled", "layer whose input channel the pooled values add into");
  b.key("channelCode", &Params::channelCode, 0, "post channel: 0 excitatory, 1 inhibitory, -1 deliver nothing",
        {at_least(-1)})
      .key("receiveGpu", &Params::receiveGpu, false, "must be false: pooling delivers on the CPU")
      .choice("pvpatchAccumulateType", &Params::poolingType, Required,
              {{"maxpooling", PoolingType::Max},
               {"max_pooling", PoolingType::Max},
               {"max pooling", PoolingType::Max},
               {"sumpooling", PoolingType::Sum},
               {"sum_pooling", PoolingType::Sum},
               {"sum pooling", PoolingType::Sum},
               {"avgpooling", PoolingType::Avg},
               {"avg_pooling", PoolingType::Avg},
               {"avg pooling", PoolingType::Avg}},
              "maxpooling (the largest activity of the window), sumpooling (the sum) or avgpooling (the sum times "
              "1 / (nxp * nyp * pre/post size ratios))")
      .key("updateGSynFromPostPerspective", &Params::updateGSynFromPostPerspective, false,
           "sum and average: add each window row's sum times the weight (OpenPV's post perspective) instead of each "
           "term times the weight (its pre perspective); max pooling is the same either way")
      .key("needPostIndexLayer", &Params::needPostIndexLayer, false,
           "maxpooling: record each post neuron's winner (its global extended pre index) in postIndexLayerName")
      .key("postIndexLayerName", &Params::postIndexLayerName, Nil,
           "needPostIndexLayer: a PoolingIndexLayer of the post layer's size, in its phase")
      .key("nxp", &Params::nxp, 1, "window width in post neurons of each pre neuron's patch, as HyPerConn's",
           {at_least(1)})
      .key("nyp", &Params::nyp, 1, "window height", {at_least(1)})
      .key("nfp", &Params::nfp, -1, "must equal the post layer's nf (-1: take it from the post layer)");
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    if (p.needPostIndexLayer && p.postIndexLayerName.empty())
      return {"postIndexLayerName", "is required when needPostIndexLayer is true"};
    if (!p.needPostIndexLayer && !p.postIndexLayerName.empty())
      return {"postIndexLayerName", "is only read with needPostIndexLayer = true"};
    if (p.needPostIndexLayer && p.poolingType != PoolingType::Max)
      return {"needPostIndexLayer", "records the winners of maxpooling only"};
    if (p.nfp != -1 && p.nfp < 1) return {"nfp", "must be -1 (the post layer's nf) or at least 1"};
    return {"", ""};
  });
}

std::vector<std::string> PoolingConn::dependencies() const {
  std::vector<std::string> deps = Connection::dependencies();
  if (params().needPostIndexLayer) deps.push_back(params().postIndexLayerName);
  return deps;
}

void PoolingConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  Connection::resolve(objects, ctx);
  const LayerGeometry& a = pre().geometry();
  const LayerGeometry& p = post().geometry();
  const std::string layers = "connection \"" + name() + "\": pre \"" + pre().name() + "\" (nf " + std::to_string(a.nf) +
                             "), post \"" + post().name() + "\" (nf " + std::to_string(p.nf) + ")";
  if (a.nf != p.nf) throw GeometryError(layers + ": pooling keeps each feature, so both need the same nf");
  if (params().nfp != -1 && params().nfp != p.nf)
    fail("nfp", "must equal the post layer's nf (" + std::to_string(p.nf) + "), or be left out");
  std::string problem = axis_problem(a.nx_global, p.nx_global, params().nxp);
  if (!problem.empty()) fail("nxp", problem);
  problem = axis_problem(a.ny_global, p.ny_global, params().nyp);
  if (!problem.empty()) fail("nyp", problem);
  geometry_.x = make_axis(a.nx_global, p.nx_global, params().nxp);
  geometry_.y = make_axis(a.ny_global, p.ny_global, params().nyp);
  geometry_.nf_pre = geometry_.nfp = p.nf;
  pre().require_halo(geometry_.pre_halo());
  if (!params().needPostIndexLayer) return;
  index_layer_ = objects.require<Layer>(params().postIndexLayerName, *this, "postIndexLayerName", "a layer");
  const LayerGeometry& i = index_layer_->geometry();
  if (index_layer_->type() != "PoolingIndexLayer")
    fail("postIndexLayerName",
         "\"" + index_layer_->name() + "\" is a " + index_layer_->type() + "; the winners go into a PoolingIndexLayer");
  if (i.nx_global != p.nx_global || i.ny_global != p.ny_global || i.nf != p.nf)
    fail("postIndexLayerName", "\"" + index_layer_->name() + "\" must have the post layer's size (nx " +
                                   std::to_string(p.nx_global) + ", ny " + std::to_string(p.ny_global) + ", nf " +
                                   std::to_string(p.nf) + ")");
  // The indices are written when this connection delivers (in its post layer's phase) and taken up when the index
  // layer updates: in a later or the same phase, this step's (as OpenPV); an earlier phase would carry them into
  // the next step, through a state no checkpoint holds.
  if (index_layer_->phase() < post().phase())
    fail("postIndexLayerName", "\"" + index_layer_->name() + "\" is in phase " + std::to_string(index_layer_->phase()) +
                                   ", before the post layer's phase " + std::to_string(post().phase()) +
                                   "; put it in the same or a later phase");
}

void PoolingConn::allocate(const RunContext& ctx) {
  Connection::allocate(ctx);
  plan_ = ConvPlan(geometry_, pre().geometry(), post().geometry());
}

void PoolingConn::deliver(const StepInfo&) {
  if (channel() < 0) return;
  std::span<const float> a = pre().A();
  std::span<float> gsyn = post().gsyn(channel());
  if (params().poolingType == PoolingType::Max) {
    deliver_max_pooling(plan_, a, gsyn, index_layer_ ? index_layer_->gsyn(0) : std::span<float>());
    return;
  }
  const float w = params().poolingType == PoolingType::Avg ? avg_pooling_weight(geometry_) : 1.0f;
  deliver_sum_pooling(plan_, a, gsyn, w, params().updateGSynFromPostPerspective);
}

}  // namespace spv
