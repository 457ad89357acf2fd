#include "layers/wta_layer.hpp"

#include "layers/same_size.hpp"

namespace spv {

void WtaLayer::declare(SchemaBuilder<Params>& b) {
  declare_from_original_keys(b, "the layer whose most active feature is taken at each position");
  b.key("binMax", &Params::binMax, 1.0, "the value one past the last feature's (the top of the last bin)")
      .key("binMin", &Params::binMin, 0.0, "the value of feature 0");
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    if (p.nf != 1) return {"nf", "a WTALayer has one feature (nf = 1)"};
    if (!(p.binMax > p.binMin)) return {"binMax", "binMax must be greater than binMin"};
    return {"", ""};
  });
}

LayerGeometry WtaLayer::compute_geometry(const RunContext& ctx) const {
  LayerGeometry own = Layer::compute_geometry(ctx);
  require_same_size(name(), own, original(), 1, "1 (the winner's value)");
  return own;
}

// OpenPV's float arithmetic: the step in float, the first of equal maxima wins.
void WtaLayer::update_state(const StepInfo&) {
  const LayerGeometry& g = geometry_;
  const LayerGeometry& og = original().geometry();
  const float lo = float(params().binMin);
  const float step = (float(params().binMax) - lo) / float(og.nf);
  const float* source = original().A().data();
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    const float* ob = source + std::size_t(b) * og.neurons_ext();
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x) {
        int winner = 0;
        for (int f = 1; f < og.nf; ++f)
          if (ob[og.ext_index(x, y, f)] > ob[og.ext_index(x, y, winner)]) winner = f;
        a[g.ext_index(x, y, 0)] = float(winner) * step + lo;
      }
  }
}

}  // namespace spv
