// One connection's convolution on the GPU. Dense and sparse deliveries gather per post neuron over the contributing
// pre neurons in the CPU gather's order (ascending pre y, x, f, zero activity skipped), with separately rounded
// multiply and add, so both equal the CPU deliveries bit for bit and never depend on scheduling; the sparse one
// first lists each pre row's active neurons and visits only those. dW gives each weight one thread, adding its
// terms as integers (exact). The library mode (deliveryMethod = "library") is one cuDNN call
// (cuda/cudnn_convolution.hpp) with a deterministic algorithm where the shape allows: repeated runs stay
// bit-identical, the result equals the gather within float rounding only.
#pragma once
#include <memory>

#include "core/kernels/backend.hpp"
#include "core/kernels/conv_axis_tables.hpp"
#include "cuda/device_buffer.hpp"

namespace spv {

class CudaBackend;
class CudnnConvolution;

// One axis's tables on the device.
struct DeviceAxisTables {
  int pre_begin = 0, pre_end = 0;
  DeviceBuffer<int> post_lo, post_hi, offset_lo, pre_cell, first, pre, offset, cell;
};

class CudaConvKernels : public ConvKernels {
 public:
  CudaConvKernels(CudaBackend& backend, const ConvShape& shape);
  ~CudaConvKernels() override;
  void deliver(const ConvDeliverArgs& args, DeliveryMode mode) override;
  bool enable_library() override;
  void accumulate_dw(const DwArgs& args) override;

 private:
  CudaBackend& backend_;
  ConvShape shape_;
  DeviceAxisTables x_, y_;
  DeviceBuffer<unsigned> active_index_, active_count_;  // the sparse delivery's per-row lists
  std::unique_ptr<CudnnConvolution> cudnn_;           // after enable_library()
};

}  // namespace spv
