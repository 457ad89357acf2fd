#include "core/device_mirror.hpp"

#include <algorithm>

namespace spv {

DeviceMirror::DeviceMirror(Backend& backend, std::vector<float>& host)
    : backend_(&backend), host_(&host), device_(backend, host.size()) {}

const float* DeviceMirror::device() const {
  if (newest_ == Newest::Host) {
    backend_->to_device(device_.data(), host_->data(), device_.bytes());
    newest_ = Newest::Same;
  }
  return device_.data();
}

float* DeviceMirror::device_rw() {
  device();
  newest_ = Newest::Device;
  return device_.data();
}

void DeviceMirror::pull() const {
  if (newest_ != Newest::Device) return;
  backend_->to_host(host_->data(), device_.data(), device_.bytes());
  newest_ = Newest::Same;
}

void DeviceMirror::host_will_write() {
  pull();
  newest_ = Newest::Host;
}

void DeviceMirror::zero_both() {
  std::fill(host_->begin(), host_->end(), 0.0f);
  backend_->zero(device_.data(), device_.bytes());
  newest_ = Newest::Same;
}

}  // namespace spv
