#include "layers/momentum_lca_layer.hpp"

#include <cmath>

#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/kernels/parallel.hpp"

namespace spv {

void MomentumLCALayer::declare(SchemaBuilder<Params>& b) {
  declare_lca_keys(b, true);
  b.key("LCAMomentumRate", &Params::LCAMomentumRate, 0.0,
        "weight of the previous step's drive added to this step's update (0: HyPerLCALayer)", {checks::finite()});
}

void MomentumLCALayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  ThresholdLayer::resolve(objects, ctx);
  step_size_.resolve(*this, objects, params().adaptiveTimeScaleProbe);
}

void MomentumLCALayer::allocate(const RunContext& ctx) {
  ThresholdLayer::allocate(ctx);
  prev_drive_.assign(std::size_t(geometry_.nbatch) * geometry_.neurons(), 0.0f);
}

void MomentumLCALayer::initialize_state(const RunContext& ctx) {
  ThresholdLayer::initialize_state(ctx);
  std::fill(prev_drive_.begin(), prev_drive_.end(), 0.0f);
}

void MomentumLCALayer::register_state(CheckpointRegistry& r, const RunContext& ctx) {
  ThresholdLayer::register_state(r, ctx);
  r.add_layer_pvp(
      "prevDrive", [this] { return std::vector<std::vector<float>*>{&prev_drive_}; }, geometry_, Halo{},
      EntryKind::Warm);
}

// OpenPV's float operations in its order; each neuron on its own, so threads and splits cannot change a bit.
void MomentumLCALayer::update_state(const StepInfo& s) {
  const LayerGeometry& g = geometry_;
  const float self = params().selfInteract ? 1.0f : 0.0f;
  const float rate = float(params().LCAMomentumRate);
  float* v = V().data();
  const float* a = A().data();
  const float* g0 = gsyn(0).data();
  const float* g1 = gsyn(1).data();
  const int row_len = g.nx * g.nf;
  for (int b = 0; b < g.nbatch; ++b) {
    const float decay = float(std::exp(-step_size_.at(g.batch0 + b, s.dt) / lca_tau_steps(params(), s.dt)));
    const std::size_t base = std::size_t(b) * g.neurons();
    const float* ab = a + std::size_t(b) * g.neurons_ext();
#pragma omp parallel for schedule(static) if (long(g.ny) * row_len >= kParallelMinElements)
    for (int y = 0; y < g.ny; ++y) {
      const std::size_t k0 = base + g.index(0, y, 0);
      const float* arow = ab + g.ext_index(0, y, 0);
      for (int i = 0; i < row_len; ++i) {
        const std::size_t k = k0 + std::size_t(i);
        const float drive = (1.0f - decay) * ((g0[k] - g1[k]) + self * arow[i]);
        v[k] = decay * v[k] + drive + rate * prev_drive_[k];
        prev_drive_[k] = drive;
      }
    }
  }
  activity_from_v();
}

}  // namespace spv
