// Shared convolution weights: arbors x kernels x patch (nyp x nxp x nfp, feature fastest), with a version counter
// that dependants (transposes) compare to know when to rebuild.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace spv {

class WeightStore {
 public:
  WeightStore() = default;
  WeightStore(int arbors, int kernels, int nyp, int nxp, int nfp);

  int arbors() const { return arbors_; }
  int kernels() const { return kernels_; }
  int nxp() const { return nxp_; }
  int nyp() const { return nyp_; }
  int nfp() const { return nfp_; }
  std::size_t patch_size() const { return std::size_t(nxp_) * nyp_ * nfp_; }
  std::size_t arbor_size() const { return patch_size() * std::size_t(kernels_); }

  std::span<float> values() { return values_; }
  std::span<const float> values() const { return values_; }
  std::span<float> arbor(int a) { return {values_.data() + std::size_t(a) * arbor_size(), arbor_size()}; }
  std::span<const float> arbor(int a) const { return {values_.data() + std::size_t(a) * arbor_size(), arbor_size()}; }
  std::span<float> kernel(int a, int k) { return arbor(a).subspan(std::size_t(k) * patch_size(), patch_size()); }
  std::span<const float> kernel(int a, int k) const {
    return arbor(a).subspan(std::size_t(k) * patch_size(), patch_size());
  }

  // Changes with every modification; call touch() after writing through values(), arbor() or kernel().
  std::uint64_t version() const { return version_; }
  void touch() { ++version_; }

 private:
  int arbors_ = 0, kernels_ = 0, nyp_ = 0, nxp_ = 0, nfp_ = 0;
  std::vector<float> values_;
  std::uint64_t version_ = 0;
};

}  // namespace spv
