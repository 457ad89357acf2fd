// LeakyIntegrator (OpenPV's): V decays by e^(-dt/integrationTime) each step and adds GSyn[0] - GSyn[1]; A = T(V).
#pragma once
#include "core/group_type.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

struct LeakyIntegratorParams : ThresholdParams {
  double integrationTime;
};

class LeakyIntegrator : public Typed<LeakyIntegrator, LeakyIntegratorParams, ThresholdLayer> {
 public:
  static constexpr const char* kType = "LeakyIntegrator";
  static constexpr const char* kDoc =
      "V <- e^(-dt/integrationTime) V + GSyn[0] - GSyn[1]; A = T(V), the threshold transfer function.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  void update_state(const StepInfo& s) override;
};

}  // namespace spv
