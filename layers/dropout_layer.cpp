#include "layers/dropout_layer.hpp"

#include "core/rng.hpp"
#include "layers/hyper_layer.hpp"

namespace spv {

void DropoutLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  declare_threshold_keys(b);
  // OpenPV clamps values outside 0..99 with a warning; here they are an error.
  b.key("probability", &Params::probability, 0, "percent chance (0 to 99) that a neuron's activity is dropped",
        {checks::in_range(0, 99)});
}

void DropoutLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  seed_ = ctx.random_seed;
}

void DropoutLayer::update_state(const StepInfo& s) {
  combine_channels(*this);
  activity_from_v();
  const LayerGeometry& g = geometry_;
  const int percent = params().probability;
  if (percent == 0) return;
  const RngKey key{seed_, hash_name(name().c_str()) ^ hash_name("Dropout")};
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x) {
        const std::uint64_t position =
            (std::uint64_t(g.batch0 + b) * g.ny_global + std::uint64_t(g.ky0 + y)) * g.nx_global + (g.kx0 + x);
        for (int f = 0; f < g.nf; ++f) {
          std::uint32_t words[4];
          philox4x32(key, position * g.nf + f, std::uint64_t(s.step), words);
          // As OpenPV draws it: a 32-bit random word modulo 100 below the percentage.
          if (int(words[0] % 100u) < percent) a[g.ext_index(x, y, f)] = 0.0f;
        }
      }
  }
}

}  // namespace spv
