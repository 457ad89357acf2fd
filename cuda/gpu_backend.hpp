// The seam: the GPU back-end for one device, or why there is none (a build without CUDA, a machine without a GPU,
// a device number that does not exist).
#pragma once
#include <memory>
#include <string>

#include "core/kernels/backend.hpp"

namespace spv {

struct GpuBackendChoice {
  std::unique_ptr<Backend> backend;  // null when unavailable
  std::string unavailable;           // why, for "updateGpu asks for a GPU, but ..."
};

GpuBackendChoice make_gpu_backend(int device);

}  // namespace spv
