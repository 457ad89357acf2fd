#include "probes/point_probe.hpp"

#include "core/comm/communicator.hpp"

namespace spv {

const char* const PointProbe::kDoc = "V and A of one neuron each step (global coordinates).";

void PointProbe::declare(SchemaBuilder<Params>& b) {
  declare_layer_probe_keys(b);
  b.key("xLoc", &Params::xLoc, Required, "global x of the neuron")
      .key("yLoc", &Params::yLoc, Required, "global y of the neuron")
      .key("fLoc", &Params::fLoc, Required, "feature of the neuron")
      .key("batchLoc", &Params::batchLoc, Required, "global batch element");
}

void PointProbe::resolve(ObjectTable& objects, const RunContext& ctx) {
  LayerProbe::resolve(objects, ctx);
  const LayerGeometry& g = target().geometry();
  auto check = [&](const char* key, int value, int size, const char* what) {
    if (value < 0 || value >= size)
      fail(key, "is " + std::to_string(value) + ", outside layer \"" + target().name() + "\", which has " +
                    std::to_string(size) + " " + what + " (0 to " + std::to_string(size - 1) + ")");
  };
  check("xLoc", params().xLoc, g.nx_global, "columns");
  check("yLoc", params().yLoc, g.ny_global, "rows");
  check("fLoc", params().fLoc, g.nf, "features");
  check("batchLoc", params().batchLoc, g.nbatch_global, "batch elements");
}

void PointProbe::compute(const StepInfo&, const RunContext& ctx) {
  const LayerGeometry& g = target().geometry();
  const int x = params().xLoc - g.kx0, y = params().yLoc - g.ky0, b = params().batchLoc - g.batch0;
  std::vector<double>& va = va_;
  va.assign(2, 0.0);
  if (x >= 0 && x < g.nx && y >= 0 && y < g.ny && b >= 0 && b < g.nbatch) {
    if (!target().V().empty()) va[0] = target().V()[std::size_t(b) * g.neurons() + g.index(x, y, params().fLoc)];
    va[1] = target().A()[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, params().fLoc)];
  }
  // Only one rank holds the neuron; the others add zeros.
  ctx.comm->ordered_sum(va);
  set_raw_values(va);
}

void PointProbe::write(const StepInfo& s) {
  if (!output().is_open()) return;
  output().print(params().batchLoc, "%s t=%.1f V=%6.5f a=%.5f\n", message_prefix().c_str(), s.time, raw_values()[0],
                 raw_values()[1]);
}

}  // namespace spv
