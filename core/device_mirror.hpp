// A host vector and its copy in a back-end's memory, with which side holds the newest values: state of an object
// that runs on a device moves between the two only at explicit sync points (a host accessor, a kernel's pointer).
#pragma once
#include <vector>

#include "core/kernels/backend.hpp"

namespace spv {

class DeviceMirror {
 public:
  DeviceMirror(Backend& backend, std::vector<float>& host);

  // For a kernel: the device copy, after pushing newer host values. `rw` also marks the device copy newest.
  const float* device() const;
  float* device_rw();
  // Before the host reads: pull newer device values.
  void pull() const;
  // Before the host writes (pulls first, so a partial write keeps the rest).
  void host_will_write();
  // The host copy was replaced as a whole (a checkpoint was read into it): the device copy is stale, nothing pulls.
  void host_replaced() { newest_ = Newest::Host; }
  // Both copies were set to zero (a cleared input channel).
  void zero_both();

 private:
  enum class Newest { Same, Host, Device };
  Backend* backend_;
  std::vector<float>* host_;
  BackendBuffer device_;
  mutable Newest newest_ = Newest::Host;
};

}  // namespace spv
