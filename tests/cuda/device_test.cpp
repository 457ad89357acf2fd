// GPU conformance entry point: exits 77 (ctest: skipped) when this build has no CUDA or the machine has no GPU,
// otherwise checks that the CUDA build sees a device and reports cuDNN.
#include <cstdio>

#include "cuda/device.hpp"

int main() {
  spv::GpuInfo info = spv::gpu_info();
  if (!info.compiled || info.device_count == 0) {
    std::printf("skipped: %s\n", info.compiled ? "no GPU on this machine" : info.description.c_str());
    return 77;
  }
  std::printf("%s\n", info.description.c_str());
  return info.description.find("cuDNN") != std::string::npos ? 0 : 1;
}
