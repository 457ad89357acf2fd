#include "core/connection.hpp"

#include <cmath>

#include "core/object_table.hpp"

namespace spv {

Connection::Connection(const ParamGroup& group, const ConnectionParams& common) : Object(group), common_(common) {}

std::pair<std::string, std::string> Connection::named_layers() const {
  const bool pre_given = !common_.preLayerName.empty(), post_given = !common_.postLayerName.empty();
  if (pre_given && post_given) return {common_.preLayerName, common_.postLayerName};
  if (pre_given != post_given)
    fail(pre_given ? "postLayerName" : "preLayerName",
         "is missing (give both layer names, or neither for a group named \"AToB\")");
  // OpenPV's convention: a connection named "AToB" connects layer A to layer B; "To" must appear exactly once.
  const std::string& n = name();
  const auto at = n.find("To");
  if (at == std::string::npos || at == 0 || at + 2 == n.size() || n.find("To", at + 1) != std::string::npos)
    fail("preLayerName", "is missing, and the group name \"" + n +
                             "\" does not have the form \"AToB\" (\"To\" exactly once) to infer preLayerName = A "
                             "and postLayerName = B from");
  return {n.substr(0, at), n.substr(at + 2)};
}

std::vector<std::string> Connection::dependencies() const {
  auto [pre, post] = named_layers();
  return {pre, post};
}

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
  if (common_.delay.size() != 1 && int(common_.delay.size()) != common_.numAxonalArbors)
    fail("delay", "needs one value, or one per arbor (" + std::to_string(common_.numAxonalArbors) + " arbors)");
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
