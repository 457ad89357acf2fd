// DropoutLayer (OpenPV's): an ANNLayer whose activity is set to 0 at each update for each neuron with a chance of
// `probability` percent. The draws depend on the column's randomSeed, the layer's name, the neuron's global index
// and the step only, so every split and thread count drops the same neurons and a restart continues the sequence.
#pragma once
#include <cstdint>

#include "core/group_type.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

struct DropoutParams : ThresholdParams {
  int probability;
};

class DropoutLayer : public Typed<DropoutLayer, DropoutParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "DropoutLayer";
  static constexpr const char* kDoc =
      "V = GSyn[0] - GSyn[1]; A = T(V), then each neuron's A is 0 with a chance of probability percent per update.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  void update_state(const StepInfo& s) override;

 private:
  std::uint64_t seed_ = 0;
};

}  // namespace spv
