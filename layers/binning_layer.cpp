#include "layers/binning_layer.hpp"

#include <cmath>

#include "layers/same_size.hpp"

namespace spv {

void BinningLayer::declare(SchemaBuilder<Params>& b) {
  using namespace checks;
  declare_from_original_keys(b, "the layer (nf 1) whose activity is binned");
  b.key("binMin", &Params::binMin, 0.0, "lower end of the first bin; smaller values count as binMin")
      .key("binMax", &Params::binMax, 1.0, "upper end of the last bin; larger values count as binMax")
      .key("binSigma", &Params::binSigma, 0.0, "0: one-hot bins; > 0: Gaussian bins of this width in bin widths",
           {non_negative()})
      .key("delay", &Params::delay, 0, "read the original's activity from this many steps ago", {at_least(0)})
      .key("zeroNeg", &Params::zeroNeg, true, "bins the value is not in hold 0 (false: -1)")
      .key("zeroDCR", &Params::zeroDCR, false, "a value of exactly 0 (after clamping) is a don't-care: no bin is set");
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    if (!(p.binMax > p.binMin)) return {"binMax", "binMax must be greater than binMin"};
    return {"", ""};
  });
}

void BinningLayer::check_original(Layer& original) { original.require_delay(params().delay); }

LayerGeometry BinningLayer::compute_geometry(const RunContext& ctx) const {
  LayerGeometry own = Layer::compute_geometry(ctx);
  if (original().geometry().nf != 1)
    fail("originalLayerName", "\"" + original().name() + "\" has nf = " + std::to_string(original().geometry().nf) +
                                  "; a BinningLayer bins a layer of one feature");
  require_same_size(name(), own, original(), own.nf, "the number of bins");
  return own;
}

// OpenPV's float arithmetic in its order (the Gaussian's bin centres start at 0, not at binMin, as in OpenPV).
void BinningLayer::update_state(const StepInfo&) {
  const LayerGeometry& g = geometry_;
  const LayerGeometry& og = original().geometry();
  const Params& p = params();
  const float lo = float(p.binMin), hi = float(p.binMax), sigma = float(p.binSigma);
  const int bins = g.nf;
  const float step = (hi - lo) / float(bins);
  const float out_of_bin = p.zeroNeg ? 0.0f : -1.0f;
  const float* source = original().A_delayed(p.delay).data();
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    const float* ob = source + std::size_t(b) * og.neurons_ext();
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x) {
        float v = ob[og.ext_index(x, y, 0)];
        v = v < lo ? lo : v > hi ? hi : v;
        float* out = a + g.ext_index(x, y, 0);
        if (p.zeroDCR && v == 0.0f) {
          for (int f = 0; f < bins; ++f) out[f] = out_of_bin;
        } else if (sigma == 0.0f) {
          int bin = int(std::floor((v - lo) / step));
          if (bin >= bins) bin = bins - 1;
          for (int f = 0; f < bins; ++f) out[f] = f == bin ? 1.0f : out_of_bin;
        } else {
          const float width = sigma * step;
          for (int f = 0; f < bins; ++f) {
            const float d = v - (float(f) + 0.5f) * step;
            out[f] = std::exp(-d * d / (2.0f * width * width));
          }
        }
      }
  }
}

}  // namespace spv
