#include "core/connection.hpp"

#include <cmath>

#include "core/object_table.hpp"

namespace spv {

Connection::Connection(const ParamGroup& group, const ConnectionParams& common) : Object(group), common_(common) {}

std::vector<std::string> Connection::dependencies() const { return {common_.preLayerName, common_.postLayerName}; }

void Connection::resolve(ObjectTable& objects, const RunContext& ctx) {
  if (common_.receiveGpu && !ctx.gpu_unavailable.empty())
    fail("receiveGpu", "asks for a GPU, but " + ctx.gpu_unavailable + "; set receiveGpu = false");
  if (common_.receiveGpu && !delivers_with_kernels())
    fail("receiveGpu", "a " + type() + " delivers on the CPU only; set receiveGpu = false");
  const auto [pre_name, post_name] = layer_names(objects);
  pre_ = objects.require<Layer>(pre_name, *this, "preLayerName", "a layer");
  post_ = objects.require<Layer>(post_name, *this, "postLayerName", "a layer");
  if (common_.channelCode >= post_->channels_needed())
    fail("channelCode", "post layer \"" + post_->name() + "\" (" + post_->type() + ") has " +
                            std::to_string(post_->channels_needed()) + " input channels (0.." +
                            std::to_string(post_->channels_needed() - 1) + ")");
  delay_steps_.clear();
  for (int arbor = 0; arbor < common_.numAxonalArbors; ++arbor) {
    double d = common_.delay[common_.delay.size() == 1 ? 0 : std::size_t(arbor)];
    double steps = d / ctx.dt;
    if (std::fabs(steps - std::round(steps)) > 1e-6)
      fail("delay", "delay " + format_number(d) + " is not a whole number of timesteps (dt = " + format_number(ctx.dt) +
                        ")");
    delay_steps_.push_back(static_cast<int>(std::lround(steps)));
    pre_->require_delay(delay_steps_.back());
  }
}

}  // namespace spv
