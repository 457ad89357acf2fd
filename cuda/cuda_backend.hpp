// The CUDA back-end: device memory on one GPU, one stream that orders every kernel and copy, and the CUDA
// implementations of the kernel contract (core/kernels/backend.hpp).
#pragma once
#include <cuda_runtime.h>
#include <cudnn.h>

#include "core/kernels/backend.hpp"
#include "cuda/device_buffer.hpp"

namespace spv {

class CudaBackend : public Backend {
 public:
  explicit CudaBackend(int device);
  ~CudaBackend() override;
  CudaBackend(const CudaBackend&) = delete;
  CudaBackend& operator=(const CudaBackend&) = delete;

  std::string name() const override { return name_; }
  bool separate_memory() const override { return true; }
  bool host_addressable() const override { return false; }

  void* allocate(std::size_t bytes) override;
  void release(void* p) noexcept override;
  void to_device(void* dst, const void* host_src, std::size_t bytes) override;
  void to_host(void* host_dst, const void* src, std::size_t bytes) override;
  void zero(void* dst, std::size_t bytes) override;
  void synchronize() override;

  void lca_update(const LcaUpdateArgs& args) override;
  void ista_update(const IstaUpdateArgs& args) override;
  void combine_channels(const CombineChannelsArgs& args) override;
  void threshold(const ThresholdArgs& args) override;
  void fill_boundary(const BoundaryArgs& args) override;
  void reduce(const ReduceArgs& args) override;
  void deliver_one_to_one(const OneToOneArgs& args) override;
  std::unique_ptr<ConvKernels> make_conv(const ConvShape& shape) override;

  cudaStream_t stream() const { return stream_; }
  cudnnHandle_t cudnn() const { return cudnn_; }

 private:
  // Per-batch coefficients on the device; grows to the largest batch once, then is reused every step.
  const float* upload_coefficients(std::span<const float> host);

  int device_;
  std::string name_;
  cudaStream_t stream_ = nullptr;
  cudnnHandle_t cudnn_ = nullptr;
  DeviceBuffer<float> coefficients_;
  DeviceBuffer<double> reduced_;
};

}  // namespace spv
