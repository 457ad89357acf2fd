#include "connections/wta_conn.hpp"

#include <cfloat>

#include "core/errors.hpp"

namespace spv {

namespace {

ConnectionParams one_arbor(ConnectionParams p) {
  p.numAxonalArbors = 1;
  return p;
}

}  // namespace

SingleArborConn::SingleArborConn(const ParamGroup& group, const ConnectionParams& p)
    : Connection(group, one_arbor(p)) {}

const char* const WTAConn::kDoc =
    "Winner-take-all across features: adds the largest pre activity over the features at each position into the "
    "one-feature post layer of the same nx and ny.";

void WTAConn::declare(SchemaBuilder<Params>& b) {
  using namespace checks;
  declare_layer_name_keys(b, "layer whose features compete", "layer (nf = 1) whose channel receives the winners");
  b.key("channelCode", &Params::channelCode, 0, "post channel: 0 excitatory, 1 inhibitory, -1 deliver nothing",
        {at_least(-1)})
      .key("delay", &Params::delay, std::vector<double>{0.0}, "in time units (a whole number of steps); one value");
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    if (p.delay.size() != 1) return {"delay", "needs one value (a WTAConn has one arbor)"};
    if (p.delay[0] < 0) return {"delay", "delays must be non-negative"};
    return {"", ""};
  });
}

void WTAConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  Connection::resolve(objects, ctx);
  const LayerGeometry& a = pre().geometry();
  const LayerGeometry& p = post().geometry();
  if (a.nx_global != p.nx_global || a.ny_global != p.ny_global || p.nf != 1)
    throw GeometryError("connection \"" + name() + "\" (WTAConn): pre \"" + pre().name() + "\" (nx " +
                        std::to_string(a.nx_global) + ", ny " + std::to_string(a.ny_global) + ") and post \"" +
                        post().name() + "\" (nx " + std::to_string(p.nx_global) + ", ny " +
                        std::to_string(p.ny_global) + ", nf " + std::to_string(p.nf) +
                        ") need the same nx and ny, and the post nf = 1");
}

void WTAConn::deliver(const StepInfo&) {
  if (channel() < 0) return;
  const LayerGeometry& a = pre().geometry();
  const LayerGeometry& p = post().geometry();
  std::span<const float> act = pre().A_delayed(delay_steps(0));
  float* g = post().gsyn(channel()).data();
  const float* in = act.data();
  const long rows = long(p.nbatch) * p.ny;
#pragma omp parallel for schedule(static)
  for (long br = 0; br < rows; ++br) {
    const int b = int(br / p.ny), y = int(br % p.ny);
    for (int x = 0; x < p.nx; ++x) {
      const float* v = in + std::size_t(b) * a.neurons_ext() + a.ext_index(x, y, 0);
      float best = -FLT_MAX;
      for (int f = 0; f < a.nf; ++f) best = v[f] > best ? v[f] : best;
      g[std::size_t(br) * p.nx + x] += best;
    }
  }
}

}  // namespace spv
