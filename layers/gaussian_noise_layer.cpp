#include "layers/gaussian_noise_layer.hpp"

#include "core/rng.hpp"
#include "layers/hyper_layer.hpp"

namespace spv {

void GaussianNoiseLayer::declare(SchemaBuilder<Params>& b) {
  declare_layer_keys(b);
  declare_channel_keys(b);
  b.key("mu", &Params::mu, 0.0, "mean of the noise added to V")
      .key("sigma", &Params::sigma, 1.0, "standard deviation of the noise", {checks::non_negative()});
}

void GaussianNoiseLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  Layer::resolve(objects, ctx);
  seed_ = ctx.random_seed;
}

void GaussianNoiseLayer::update_state(const StepInfo& s) {
  combine_channels(*this);
  const LayerGeometry& g = geometry_;
  const RngKey key{seed_, hash_name(name().c_str()) ^ hash_name("GaussianNoise")};
  const float mu = float(params().mu), sigma = float(params().sigma);
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    const float* v = v_ptr(b);
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x) {
        const std::uint64_t position =
            (std::uint64_t(g.batch0 + b) * g.ny_global + std::uint64_t(g.ky0 + y)) * g.nx_global + (g.kx0 + x);
        for (int f = 0; f < g.nf; ++f) {
          const float noise = mu + sigma * float(standard_normal(key, position * g.nf + f, std::uint64_t(s.step)));
          a[g.ext_index(x, y, f)] = v[g.index(x, y, f)] + noise;
        }
      }
  }
}

}  // namespace spv
