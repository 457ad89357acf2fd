#include "connections/delivery_choice.hpp"

#include "connections/nonshared_delivery.hpp"
#include "core/errors.hpp"

namespace spv {

bool scatter_is_cheaper(const ConvPlan& plan, long active) {
  const ConvGeometry& g = plan.geometry();
  const LayerGeometry& post = plan.post();
  // Cost per multiply-add relative to the register-blocked gather (bench/conv_bench.cpp on AVX-512 and AVX2: the
  // scatter does 3-5 GMAC/s, the regular gather 40-60, the general gather about 20, and a few when nfp < 8).
  constexpr double kScatter = 12.0;
  const double gather_cost = g.nfp < 8 ? 20.0 : plan.term_weight().empty() ? 2.5 : 1.0;
  const double scatter_macs = double(active) * double(g.patch_size());  // at most: edge patches are clipped
  const double gather_macs = double(post.nbatch) * double(plan.y().pre.size()) * double(plan.x().pre.size()) *
                             double(g.nf_pre) * double(g.nfp);
  return kScatter * scatter_macs < gather_cost * gather_macs;
}

void DeliveryChoice::setup(const ConvPlan& plan, DeliveryMethod method, bool post_perspective, int arbors) {
  plan_ = &plan;
  method_ = method;
  post_perspective_ = post_perspective;
  library_.clear();
  library_store_.assign(std::size_t(arbors), nullptr);
  library_version_.assign(std::size_t(arbors), 0);
  if (!plan.geometry().shared) {
    // One path for non-shared weights: its gather gives the bits any pre- or post-perspective order would.
    if (method_ == DeliveryMethod::Library)
      throw Error("\"library\" (oneDNN) convolves shared kernels; with sharedWeights = false use \"auto\"");
    return;
  }
  if (method_ == DeliveryMethod::Library) {
    for (int a = 0; a < arbors; ++a) library_.emplace_back(plan);
    return;
  }
  if (method_ == DeliveryMethod::Auto || !post_perspective_) scratch_.resize_for(plan.pre());
}

void DeliveryChoice::deliver(int arbor, std::span<const float> activity, const WeightStore& weights,
                             std::span<float> gsyn) {
  const ConvPlan& plan = *plan_;
  std::span<const float> kernels = weights.arbor(arbor);
  if (!plan.geometry().shared) {
    deliver_nonshared(plan, activity, kernels, gsyn);
    last_ = DeliveryPath::Gather;
    return;
  }
  if (method_ == DeliveryMethod::Library) {
    const std::size_t a = std::size_t(arbor);
    if (library_store_[a] != &weights || library_version_[a] != weights.version()) {
      library_[a].set_kernels(kernels);
      library_store_[a] = &weights;
      library_version_[a] = weights.version();
    }
    library_[a].deliver(activity, gsyn);
    last_ = DeliveryPath::Library;
    return;
  }
  // auto counts first (a cheap vectorised pass) and lists the active neurons only when it will scatter them.
  const bool scatter =
      method_ == DeliveryMethod::Auto ? scatter_is_cheaper(plan, count_active(plan, activity)) : !post_perspective_;
  if (scatter) {
    find_active(plan, activity, scratch_);
    deliver_scatter(plan, activity, kernels, gsyn, scratch_);
    last_ = DeliveryPath::Scatter;
  } else {
    deliver_post_perspective(plan, activity, kernels, gsyn);
    last_ = DeliveryPath::Gather;
  }
}

}  // namespace spv
