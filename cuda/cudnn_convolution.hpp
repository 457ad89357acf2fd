// Dense deliveries as one cuDNN call, in the two forms a shared-weight connection takes. Many-to-one or one-to-one
// on both axes (a transpose delivering back into the code, stride `down`): a forward convolution of the pre
// activity with a filter of down x patch cells per axis, rearranged on the device from OpenPV's kernels before each
// call. One-to-many (a dictionary delivering its reconstruction, stride `up`): the backward-data of a convolution
// whose filter is OpenPV's [kernel][y][x][f] as cuDNN's NHWC (KRSC) layout. The pre activity is read in place as
// a strided window of its extended buffer, symmetric about the tile; results accumulate into the channel
// (beta = 1). Only deterministic algorithms are chosen, with FMA maths (no TF32).
#pragma once
#include <cudnn.h>

#include "core/kernels/backend.hpp"
#include "cuda/device_buffer.hpp"

namespace spv {

class CudaBackend;

class CudnnConvolution {
 public:
  // Whether the shape maps onto one cuDNN call (no axis one-to-many while the other is many-to-one, and the pre
  // halo holds the window).
  static bool supports(const ConvShape& shape);
  // Throws GpuError when cuDNN offers no deterministic algorithm for the shape.
  CudnnConvolution(CudaBackend& backend, const ConvShape& shape);
  ~CudnnConvolution();
  CudnnConvolution(const CudnnConvolution&) = delete;
  CudnnConvolution& operator=(const CudnnConvolution&) = delete;

  void deliver(const ConvDeliverArgs& args);

 private:
  void prepare();
  void release() noexcept;

  CudaBackend& backend_;
  ConvShape shape_;
  bool forward_ = false;  // forward (many-to-one, one-to-one) or backward-data (one-to-many)
  long pre_offset_ = 0;   // of the window's first element in the extended pre buffer
  cudnnTensorDescriptor_t pre_ = nullptr, post_ = nullptr;
  cudnnFilterDescriptor_t filter_ = nullptr;
  cudnnConvolutionDescriptor_t conv_ = nullptr;
  cudnnConvolutionFwdAlgo_t forward_algo_{};
  cudnnConvolutionBwdDataAlgo_t backward_algo_{};
  DeviceBuffer<float> filter_values_;  // forward: the rearranged filter
  DeviceBuffer<unsigned char> workspace_;
};

}  // namespace spv
