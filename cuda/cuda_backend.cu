#include "cuda/cuda_backend.hpp"

#include "cuda/cuda_check.hpp"
#include "cuda/cuda_conv_kernels.hpp"
#include "cuda/layer_kernels.hpp"

namespace spv {

CudaBackend::CudaBackend(int device) : device_(device) {
  int count = 0;
  SPV_CUDA(cudaGetDeviceCount(&count));
  if (device < 0 || device >= count)
    throw GpuError("GPU " + std::to_string(device) + " does not exist (this machine has " + std::to_string(count) +
                   ")");
  SPV_CUDA(cudaSetDevice(device));
  cudaDeviceProp prop{};
  SPV_CUDA(cudaGetDeviceProperties(&prop, device));
  name_ = "CUDA device " + std::to_string(device) + " (" + prop.name + ")";
  SPV_CUDA(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking));
  SPV_CUDNN(cudnnCreate(&cudnn_));
  SPV_CUDNN(cudnnSetStream(cudnn_, stream_));
}

CudaBackend::~CudaBackend() {
  if (cudnn_) cudnnDestroy(cudnn_);
  if (stream_) cudaStreamDestroy(stream_);
}

void* CudaBackend::allocate(std::size_t bytes) {
  void* p = nullptr;
  SPV_CUDA(cudaMalloc(&p, bytes ? bytes : 1));
  return p;
}

void CudaBackend::release(void* p) noexcept {
  // Frees are not stream-ordered: wait for work that may still use the buffer. Errors cannot be thrown here.
  cudaStreamSynchronize(stream_);
  cudaFree(p);
}

void CudaBackend::to_device(void* dst, const void* host_src, std::size_t bytes) {
  if (bytes) SPV_CUDA(cudaMemcpyAsync(dst, host_src, bytes, cudaMemcpyHostToDevice, stream_));
  // The host buffer may be written as soon as this returns (pageable copies are staged, but be explicit).
  SPV_CUDA(cudaStreamSynchronize(stream_));
}

void CudaBackend::to_host(void* host_dst, const void* src, std::size_t bytes) {
  if (bytes) SPV_CUDA(cudaMemcpyAsync(host_dst, src, bytes, cudaMemcpyDeviceToHost, stream_));
  SPV_CUDA(cudaStreamSynchronize(stream_));
}

void CudaBackend::zero(void* dst, std::size_t bytes) {
  if (bytes) SPV_CUDA(cudaMemsetAsync(dst, 0, bytes, stream_));
}

void CudaBackend::synchronize() { SPV_CUDA(cudaStreamSynchronize(stream_)); }

const float* CudaBackend::upload_coefficients(std::span<const float> host) {
  if (host.size() > coefficients_.size()) {
    synchronize();  // earlier kernels may still read the old buffer
    coefficients_ = DeviceBuffer<float>(host.size());
  }
  coefficients_.upload(host.data(), host.size(), stream_);
  return coefficients_.data();
}

void CudaBackend::lca_update(const LcaUpdateArgs& args) {
  launch_lca_update(args, upload_coefficients(args.decay), stream_);
}

void CudaBackend::ista_update(const IstaUpdateArgs& args) {
  launch_ista_update(args, upload_coefficients(args.step_over_tau), stream_);
}

void CudaBackend::combine_channels(const CombineChannelsArgs& args) { launch_combine_channels(args, stream_); }

void CudaBackend::threshold(const ThresholdArgs& args) {
  const float* vertices = nullptr;
  if (args.vertex_count > 0) vertices = upload_coefficients({args.vertices, std::size_t(3 * args.vertex_count + 1)});
  launch_threshold(args, vertices, stream_);
}

void CudaBackend::fill_boundary(const BoundaryArgs& args) { launch_fill_boundary(args, stream_); }

void CudaBackend::reduce(const ReduceArgs& args) {
  if (args.out.size() > reduced_.size()) {
    synchronize();
    reduced_ = DeviceBuffer<double>(args.out.size());
  }
  launch_reduce(args, reduced_.data(), stream_);
  to_host(args.out.data(), reduced_.data(), args.out.size() * sizeof(double));
}

void CudaBackend::deliver_one_to_one(const OneToOneArgs& args) { launch_one_to_one(args, stream_); }

std::unique_ptr<ConvKernels> CudaBackend::make_conv(const ConvShape& shape) {
  return std::make_unique<CudaConvKernels>(*this, shape);
}

}  // namespace spv
