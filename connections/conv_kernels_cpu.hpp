// The CPU implementation of the convolution kernel contract (core/kernels/backend.hpp): the deliveries of
// conv_delivery (dense: the gather, sparse: the scatter of active pre neurons) and the Hebbian dW of hebbian_dw,
// with their tables and scratch built once. (The CPU's library path, oneDNN, is chosen by deliveryMethod in
// delivery_choice.hpp; this contract instance offers none.) Also the translations between ConvGeometry and the contract's ConvShape.
#pragma once
#include <memory>

#include "connections/conv_delivery.hpp"
#include "core/kernels/backend.hpp"

namespace spv {

ConvShape conv_shape_of(const ConvGeometry& g, const LayerGeometry& pre, const LayerGeometry& post);
ConvGeometry conv_geometry_of(const ConvShape& s);

class CpuConvKernels : public ConvKernels {
 public:
  explicit CpuConvKernels(const ConvShape& shape);
  void deliver(const ConvDeliverArgs& args, DeliveryMode mode) override;
  void accumulate_dw(const DwArgs& args) override;

 private:
  ConvShape shape_;
  ConvPlan plan_;
  ActiveRows scratch_;
};

// The back-end's own kernels, or the CPU ones for a host-addressable back-end that has none.
std::unique_ptr<ConvKernels> make_conv_kernels(Backend& backend, const ConvShape& shape);

}  // namespace spv
