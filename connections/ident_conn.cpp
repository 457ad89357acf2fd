#include "connections/ident_conn.hpp"

#include "connections/one_to_one_delivery.hpp"
#include "core/errors.hpp"

namespace spv {

OneToOneConn::OneToOneConn(const ParamGroup& group, const ConnectionParams& common) : Connection(group, common) {}

void OneToOneConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  Connection::resolve(objects, ctx);
  const LayerGeometry& a = pre().geometry();
  const LayerGeometry& b = post().geometry();
  if (a.nx_global != b.nx_global || a.ny_global != b.ny_global || a.nf != b.nf)
    throw GeometryError("connection \"" + name() + "\" (" + type() + ") maps neuron k to neuron k, so pre \"" +
                        pre().name() + "\" (nx " + std::to_string(a.nx_global) + ", ny " + std::to_string(a.ny_global) +
                        ", nf " + std::to_string(a.nf) + ") and post \"" + post().name() + "\" (nx " +
                        std::to_string(b.nx_global) + ", ny " + std::to_string(b.ny_global) + ", nf " +
                        std::to_string(b.nf) + ") must have the same size");
  if (common().receiveGpu && !post().common().updateGpu)
    fail("receiveGpu", "delivers on the GPU into \"" + post().name() +
                           "\", which updates on the CPU; set updateGpu = true there, or receiveGpu = false here");
}

void OneToOneConn::allocate(const RunContext& ctx) {
  Connection::allocate(ctx);
  if (common().receiveGpu && channel() >= 0) device_pre_ = BackendBuffer(post().backend(), pre().A().size());
}

void OneToOneConn::deliver(const StepInfo&) {
  if (channel() < 0) return;
  if (common().receiveGpu) {
    Backend& gpu = post().backend();
    const float* activity = nullptr;
    if (delay_steps(0) == 0 && pre().on_device() && &pre().backend() == &gpu) {
      activity = pre().kernel_a();
    } else {
      std::span<const float> a = pre().A_delayed(delay_steps(0));
      gpu.to_device(device_pre_.data(), a.data(), a.size() * sizeof(float));
      activity = device_pre_.data();
    }
    gpu.deliver_one_to_one({pre().geometry(), activity, post().kernel_gsyn_rw(channel()), scale()});
    return;
  }
  deliver_one_to_one(pre().geometry(), post().geometry(), pre().A_delayed(delay_steps(0)), post().gsyn(channel()),
                     scale());
}

const char* const IdentConn::kDoc = "Adds pre activity into the post channel neuron for neuron (weight 1); same sizes.";

void IdentConn::declare(SchemaBuilder<Params>& b) { declare_ident_conn_keys(b); }

}  // namespace spv
