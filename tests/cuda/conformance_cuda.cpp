// The conformance tests instantiated on the CUDA back-end (GPU 0). Exits 77 (ctest: skipped, never passed) when
// this build has no CUDA or the machine no GPU.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>

#include "cuda/device.hpp"
#include "cuda/gpu_backend.hpp"
#include "tests/cuda/conformance_backend.hpp"

namespace {
spv::Backend* g_backend = nullptr;
}

namespace spv::test {

Backend& conformance_backend() { return *g_backend; }

}  // namespace spv::test

int main(int argc, char** argv) {
  const spv::GpuInfo info = spv::gpu_info();
  if (!info.compiled || info.device_count == 0) {
    std::printf("skipped: %s\n", info.compiled ? "no GPU on this machine" : info.description.c_str());
    return 77;
  }
  spv::GpuBackendChoice gpu = spv::make_gpu_backend(0);
  if (!gpu.backend) {
    std::printf("skipped: %s\n", gpu.unavailable.c_str());
    return 77;
  }
  g_backend = gpu.backend.get();
  std::printf("conformance on %s\n", g_backend->name().c_str());
  return Catch::Session().run(argc, argv);
}
