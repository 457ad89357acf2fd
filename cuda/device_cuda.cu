// CUDA build: reports the devices the runtime sees and cuDNN's version. Kernels arrive with the backends issue.
#include <cuda_runtime.h>
#include <cudnn.h>

#include <string>

#include "cuda/device.hpp"

namespace spv {

GpuInfo gpu_info() {
  GpuInfo info;
  info.compiled = true;
  int n = 0;
  if (cudaGetDeviceCount(&n) != cudaSuccess) n = 0;
  info.device_count = n;
  info.description = "CUDA build, cuDNN " + std::to_string(cudnnGetVersion()) + ", " + std::to_string(n) + " device(s)";
  return info;
}

}  // namespace spv
