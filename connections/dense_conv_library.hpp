// The dense convolution of a connection through oneDNN (where sparsepv was built with it: SPV_HAVE_DNNL), for
// deliveryMethod = "library". It handles connections whose post layer is not denser than the pre layer (a strided
// convolution; the transpose of a dictionary); its sums round differently from the scatter and gather (blocked
// FMA), within 1e-6 of the terms' magnitude.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "connections/conv_delivery.hpp"

namespace spv {

class DenseConvLibrary {
 public:
  // Whether this build has the library, and its name for messages and benchmarks.
  static bool available();
  static const char* name();
  // Why the library cannot deliver for this plan ("" when it can).
  static std::string unsupported(const ConvPlan& plan);

  // Throws Error when !available() or unsupported(plan) is not "".
  explicit DenseConvLibrary(const ConvPlan& plan);
  ~DenseConvLibrary();
  DenseConvLibrary(DenseConvLibrary&&) noexcept;
  DenseConvLibrary& operator=(DenseConvLibrary&&) noexcept;

  // Takes one arbor's kernels ([kernel][y][x][f], as the deliveries read them) into the library's layout.
  void set_kernels(std::span<const float> kernels);
  // gsyn += W * activity, as deliver_post_perspective (extended pre activity, restricted post input).
  void deliver(std::span<const float> activity, std::span<float> gsyn);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace spv
