// MomentumLCALayer (OpenPV's): HyPerLCALayer whose membrane update adds LCAMomentumRate times the previous step's
// drive, a heavy-ball acceleration of the LCA dynamics. The previous drive is state (checkpointed as prevDrive).
#pragma once
#include <vector>

#include "core/group_type.hpp"
#include "layers/lca_layer.hpp"

namespace spv {

struct MomentumLcaParams : LcaParams {
  double LCAMomentumRate;
};

class MomentumLCALayer : public Typed<MomentumLCALayer, MomentumLcaParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "MomentumLCALayer";
  static constexpr const char* kDoc =
      "LCA with momentum: D = (1 - e^(-h/tau)) (GSyn[0] - GSyn[1] + s A); V <- e^(-h/tau) V + D + m D_prev, then "
      "D_prev = D (zero at the start); A = T(V); m = LCAMomentumRate, the rest as HyPerLCALayer. CPU only.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  // The layer's state and prevDrive, the drive of the last update.
  void register_state(CheckpointRegistry& r, const RunContext& ctx) override;

 protected:
  void initialize_state(const RunContext& ctx) override;
  void update_state(const StepInfo& s) override;

 private:
  StepSize step_size_;
  std::vector<float> prev_drive_;  // [batch][y][x][f] restricted, as V
};

}  // namespace spv
