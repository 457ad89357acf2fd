// GaussianNoiseLayer (OpenPV's): V = GSyn[0] - GSyn[1]; A = V plus fresh normal noise of mean mu and deviation sigma
// at each update. The noise depends on the column's randomSeed, the layer's name, the neuron's global index and the
// step only (OpenPV seeds from rand()), so every split and thread count, and a restart, see the same noise.
#pragma once
#include <cstdint>

#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv {

struct GaussianNoiseParams : LayerParams {
  double mu, sigma;
};

class GaussianNoiseLayer : public Typed<GaussianNoiseLayer, GaussianNoiseParams, Layer> {
 public:
  static constexpr const char* kType = "GaussianNoiseLayer";
  static constexpr const char* kDoc = "V = GSyn[0] - GSyn[1]; A = V + mu + sigma N(0, 1), drawn anew at each update.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  void update_state(const StepInfo& s) override;

 private:
  std::uint64_t seed_ = 0;
};

}  // namespace spv
