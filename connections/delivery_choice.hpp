// How a convolution connection delivers on the CPU (its deliveryMethod key): "auto" lists the active pre neurons and
// scatters them when that is cheaper than the dense gather (the two give the same bits, so the choice is a matter of
// speed only); "perspective" follows updateGSynFromPostPerspective as OpenPV does; "library" runs oneDNN's dense
// convolution (other rounding, see dense_conv_library.hpp).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "connections/conv_delivery.hpp"
#include "connections/dense_conv_library.hpp"
#include "connections/weight_store.hpp"

namespace spv {

// The user's choice of delivery path (deliveryMethod); every path gives the same bits except library (within 1e-6).
enum class DeliveryMethod { Auto, Perspective, Library };

enum class DeliveryPath { Scatter, Gather, Library };

// Whether scattering `active` pre neurons costs less than the dense gather, by each path's work (multiply-adds)
// weighted by its measured cost per multiply-add on this kind of CPU (bench/conv_bench.cpp).
bool scatter_is_cheaper(const ConvPlan& plan, long active);

class DeliveryChoice {
 public:
  // `method` is the deliveryMethod key; post_perspective OpenPV's updateGSynFromPostPerspective. Sizes all scratch
  // now, so that delivering never allocates. Throws Error for "library" where it cannot run.
  void setup(const ConvPlan& plan, DeliveryMethod method, bool post_perspective, int arbors);
  // gsyn += the arbor's weights applied to `activity`.
  void deliver(int arbor, std::span<const float> activity, const WeightStore& weights, std::span<float> gsyn);
  // The path the last deliver() took.
  DeliveryPath last_path() const { return last_; }

 private:
  const ConvPlan* plan_ = nullptr;
  DeliveryMethod method_ = DeliveryMethod::Auto;
  bool post_perspective_ = false;
  ActiveRows scratch_;
  std::vector<DenseConvLibrary> library_;  // per arbor, with the weights it holds
  std::vector<const WeightStore*> library_store_;
  std::vector<std::uint64_t> library_version_;
  DeliveryPath last_ = DeliveryPath::Gather;
};

}  // namespace spv
