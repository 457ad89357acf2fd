// The one place that knows whether this build has the CUDA kernel set.
#include "core/build_config.hpp"
#include "cuda/device.hpp"
#include "cuda/gpu_backend.hpp"

#if SPV_HAVE_CUDA
#include "cuda/cuda_backend.hpp"
#endif

namespace spv {

GpuBackendChoice make_gpu_backend(int device) {
  GpuBackendChoice choice;
#if SPV_HAVE_CUDA
  const GpuInfo info = gpu_info();
  if (info.device_count == 0) {
    choice.unavailable = "this machine has no GPU (" + info.description + ")";
  } else if (device < 0 || device >= info.device_count) {
    choice.unavailable = "device " + std::to_string(device) + " does not exist (" + info.description + ")";
  } else {
    choice.backend = std::make_unique<CudaBackend>(device);
  }
#else
  (void)device;
  choice.unavailable = "this build has no CUDA support (configure with -DSPV_WITH_CUDA=ON)";
#endif
  return choice;
}

}  // namespace spv
