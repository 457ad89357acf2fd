// Whether this build can run on a GPU, and how many devices it sees; the seam between the CPU path and cuda/.
#pragma once
#include <string>

namespace spv {

struct GpuInfo {
  bool compiled = false;  // built with SPV_WITH_CUDA
  int device_count = 0;
  std::string description;
};

GpuInfo gpu_info();

}  // namespace spv
