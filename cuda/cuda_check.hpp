// Checked CUDA and cuDNN calls: a failing call throws an error naming the call, its file and line, and the
// runtime's own message, never a silent wrong result.
#pragma once
#include <cuda_runtime.h>
#include <cudnn.h>

#include <string>

#include "core/errors.hpp"

namespace spv {

// A GPU failure (out of memory, a launch error, an unsupported cuDNN configuration).
class GpuError : public Error {
 public:
  using Error::Error;
};

inline void check_cuda(cudaError_t status, const char* call, const char* file, int line) {
  if (status != cudaSuccess)
    throw GpuError(std::string("CUDA: ") + call + " failed at " + file + ":" + std::to_string(line) + ": " +
                   cudaGetErrorString(status));
}

inline void check_cudnn(cudnnStatus_t status, const char* call, const char* file, int line) {
  if (status != CUDNN_STATUS_SUCCESS)
    throw GpuError(std::string("cuDNN: ") + call + " failed at " + file + ":" + std::to_string(line) + ": " +
                   cudnnGetErrorString(status));
}

}  // namespace spv

#define SPV_CUDA(call) ::spv::check_cuda((call), #call, __FILE__, __LINE__)
#define SPV_CUDNN(call) ::spv::check_cudnn((call), #call, __FILE__, __LINE__)
// After a kernel launch: launch-configuration errors surface here, execution errors at the next synchronising call.
#define SPV_CUDA_LAUNCHED() ::spv::check_cuda(cudaGetLastError(), "kernel launch", __FILE__, __LINE__)
