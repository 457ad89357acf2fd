// The CPU back-end: host memory and the OpenMP loops over the shared per-element maths. Threads split rows of the
// output, so results do not depend on the thread count.
#pragma once
#include "core/kernels/backend.hpp"

namespace spv {

class CpuBackend : public Backend {
 public:
  std::string name() const override { return "CPU"; }
  bool separate_memory() const override { return false; }
  bool host_addressable() const override { return true; }

  void* allocate(std::size_t bytes) override;
  void release(void* p) noexcept override;
  void to_device(void* dst, const void* host_src, std::size_t bytes) override;
  void to_host(void* host_dst, const void* src, std::size_t bytes) override;
  void zero(void* dst, std::size_t bytes) override;
  void synchronize() override {}

  void lca_update(const LcaUpdateArgs& args) override;
  void ista_update(const IstaUpdateArgs& args) override;
  void combine_channels(const CombineChannelsArgs& args) override;
  void threshold(const ThresholdArgs& args) override;
  void fill_boundary(const BoundaryArgs& args) override;
  void reduce(const ReduceArgs& args) override;
  void deliver_one_to_one(const OneToOneArgs& args) override;
  std::unique_ptr<ConvKernels> make_conv(const ConvShape&) override { return nullptr; }
};

}  // namespace spv
