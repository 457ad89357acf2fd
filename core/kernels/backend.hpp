// The kernel contract: every compute operation of a step (layer updates, deliveries, dW, probe reductions) and the
// memory they work on, behind one interface with a CPU and a CUDA implementation. Objects hold a Backend& and call
// it with pointers in its memory; which back-end runs is chosen once, at build (updateGpu / receiveGpu and -d).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <utility>

#include "core/kernels/conv_shape.hpp"
#include "core/kernels/layer_kernel_args.hpp"

namespace spv {

// One connection's convolution on one back-end, prepared once (tables, descriptors, workspace) so that a step
// never allocates.
class ConvKernels {
 public:
  virtual ~ConvKernels() = default;
  virtual void deliver(const ConvDeliverArgs& args, DeliveryMode mode) = 0;
  // Prepares DeliveryMode::Library (descriptors, workspace) at build time; false when this back-end has no library
  // convolution for the shape.
  virtual bool enable_library() { return false; }
  virtual void accumulate_dw(const DwArgs& args) = 0;
};

class Backend {
 public:
  virtual ~Backend() = default;
  // "CPU", "CUDA device 0 (NVIDIA H100 ...)", for messages and logs.
  virtual std::string name() const = 0;
  // Whether buffers of this back-end are separate from the objects' host vectors (a device): state then lives in
  // a mirror that moves only at explicit sync points. False for the CPU, which works on the host vectors in place.
  virtual bool separate_memory() const = 0;
  // Whether the CPU can dereference this back-end's pointers (the CPU, and the host-memory test double).
  virtual bool host_addressable() const = 0;

  virtual void* allocate(std::size_t bytes) = 0;
  virtual void release(void* p) noexcept = 0;
  virtual void to_device(void* dst, const void* host_src, std::size_t bytes) = 0;
  virtual void to_host(void* host_dst, const void* src, std::size_t bytes) = 0;
  virtual void zero(void* dst, std::size_t bytes) = 0;
  // Waits until every queued operation has finished (before the host reads results, and for timing).
  virtual void synchronize() = 0;

  virtual void lca_update(const LcaUpdateArgs& args) = 0;
  virtual void ista_update(const IstaUpdateArgs& args) = 0;
  virtual void combine_channels(const CombineChannelsArgs& args) = 0;
  virtual void threshold(const ThresholdArgs& args) = 0;
  virtual void fill_boundary(const BoundaryArgs& args) = 0;
  virtual void reduce(const ReduceArgs& args) = 0;
  virtual void deliver_one_to_one(const OneToOneArgs& args) = 0;
  // The convolution kernels for this shape; null when the back-end delivers with the host's (host-addressable
  // back-ends: make_conv_kernels in connections/ then builds the CPU ones).
  virtual std::unique_ptr<ConvKernels> make_conv(const ConvShape& shape) = 0;
};

// The CPU back-end (stateless; one for the process).
Backend& cpu_backend();

// A buffer of `count` floats in a back-end's memory, released with it.
class BackendBuffer {
 public:
  BackendBuffer() = default;
  BackendBuffer(Backend& b, std::size_t count)
      : backend_(&b), data_(static_cast<float*>(b.allocate(count * sizeof(float)))), count_(count) {
    b.zero(data_, count * sizeof(float));
  }
  BackendBuffer(BackendBuffer&& o) noexcept { swap(o); }
  BackendBuffer& operator=(BackendBuffer&& o) noexcept {
    BackendBuffer tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  ~BackendBuffer() {
    if (data_) backend_->release(data_);
  }
  float* data() const { return data_; }
  std::size_t size() const { return count_; }
  std::size_t bytes() const { return count_ * sizeof(float); }

 private:
  void swap(BackendBuffer& o) noexcept {
    std::swap(backend_, o.backend_);
    std::swap(data_, o.data_);
    std::swap(count_, o.count_);
  }
  Backend* backend_ = nullptr;
  float* data_ = nullptr;
  std::size_t count_ = 0;
};

}  // namespace spv
