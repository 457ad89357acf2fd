#include "layers/sigmoid_layer.hpp"

#include <cmath>

#include "layers/same_size.hpp"

namespace spv {

void SigmoidLayer::declare(SchemaBuilder<Params>& b) {
  declare_from_original_keys(b, "the layer whose V this layer reads");
  b.key("Vrest", &Params::Vrest, -70.0, "resting potential; with VthRest it sets the midpoint and the slope")
      .key("VthRest", &Params::VthRest, -55.0, "threshold: the midpoint Vth = (Vrest + VthRest)/2 has A = 1/2")
      .key("InverseFlag", &Params::InverseFlag, false, "A = 1 - sigmoid: activity falls as V rises")
      .key("SigmoidFlag", &Params::SigmoidFlag, true,
           "true: the sigmoid; false: piecewise linear, 0 at Vrest and 1 at VthRest for SigmoidAlpha 1/4")
      .key("SigmoidAlpha", &Params::SigmoidAlpha, 0.1,
           "sets the slope: A(Vrest) = 1/(1 + (1/SigmoidAlpha - 1)^2) (piecewise linear: 0 for 1/4)",
           {checks::in_range(0.0, 1.0)});
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    if (p.Vrest == p.VthRest) return {"VthRest", "VthRest must differ from Vrest"};
    return {"", ""};
  });
}

void SigmoidLayer::check_original(Layer& original) {
  if (!original.has_membrane()) fail("originalLayerName", "\"" + original.name() + "\" has no membrane potential");
}

LayerGeometry SigmoidLayer::compute_geometry(const RunContext& ctx) const {
  LayerGeometry own = Layer::compute_geometry(ctx);
  require_same_size(name(), own, original());
  return own;
}

// OpenPV's float arithmetic in its order.
void SigmoidLayer::update_state(const StepInfo&) {
  const LayerGeometry& g = geometry_;
  const float v_rest = float(params().Vrest);
  const float v_th = (float(params().VthRest) + v_rest) / 2.0f;
  float scale = -std::log(1.0f / float(params().SigmoidAlpha) - 1.0f) / (v_th - v_rest);
  if (!params().SigmoidFlag) scale = scale / std::log(3.0f);
  const bool sigmoid = params().SigmoidFlag, inverse = params().InverseFlag;
  const float* v = original().V().data();
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    const float* vb = v + std::size_t(b) * g.neurons();
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f) {
          const float vk = vb[g.index(x, y, f)];
          float out;
          if (sigmoid) {
            out = 1.0f / (1.0f + std::exp(2.0f * (vk - v_th) * scale));
          } else {
            out = 0.5f - (vk - v_th) * scale / 2.0f;
            out = out < 0.0f ? 0.0f : out;
            out = out > 1.0f ? 1.0f : out;
          }
          a[g.ext_index(x, y, f)] = inverse ? 1.0f - out : out;
        }
  }
}

}  // namespace spv
