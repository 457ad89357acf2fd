// A stand-in device for tests without a GPU: the CPU kernels on memory of its own, so that layers and connections
// with updateGpu / receiveGpu keep their state in mirrors and cross to the host only at the sync points, as on a
// GPU. A missing sync shows as a wrong result; allocations and transfers are counted.
#pragma once
#include <cmath>
#include <cstring>
#include <limits>

#include "core/kernels/cpu_backend.hpp"

namespace spv::test {

class HostDeviceDouble : public CpuBackend {
 public:
  std::string name() const override { return "host-memory device double"; }
  bool separate_memory() const override { return true; }
  void* allocate(std::size_t bytes) override {
    ++allocations;
    float* p = static_cast<float*>(CpuBackend::allocate(bytes));
    // Fresh device memory is garbage on a GPU: NaN here, so reading it before a push cannot go unnoticed.
    for (std::size_t i = 0; i < bytes / sizeof(float); ++i) p[i] = std::numeric_limits<float>::quiet_NaN();
    return p;
  }
  void to_device(void* dst, const void* src, std::size_t bytes) override {
    ++uploads;
    CpuBackend::to_device(dst, src, bytes);
  }
  void to_host(void* dst, const void* src, std::size_t bytes) override {
    ++downloads;
    CpuBackend::to_host(dst, src, bytes);
  }
  long allocations = 0, uploads = 0, downloads = 0;
};

}  // namespace spv::test
