// CUDA build: reports the devices the runtime sees (and, when it sees none, the runtime's reason) and cuDNN's version.
#include <cuda_runtime.h>
#include <cudnn.h>

#include <string>

#include "cuda/device.hpp"

namespace spv {

GpuInfo gpu_info() {
  GpuInfo info;
  info.compiled = true;
  int n = 0;
  const cudaError_t status = cudaGetDeviceCount(&n);
  if (status != cudaSuccess) n = 0;
  info.device_count = n;
  info.description = "CUDA build, cuDNN " + std::to_string(cudnnGetVersion()) + ", " + std::to_string(n) + " device(s)";
  if (status != cudaSuccess) info.description += std::string(" (") + cudaGetErrorString(status) + ")";
  return info;
}

}  // namespace spv
