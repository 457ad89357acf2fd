// MomentumConn's learning (OpenPV's MomentumUpdater): before W += dW, dW <- (1 - f) dW + f prev_dW - d W with the
// factors f and d of the momentum method, and prev_dW <- dW, for every arbor (OpenPV's loop reaches only the first).
#pragma once
#include <cstddef>
#include <string>

#include "connections/hebbian_updater.hpp"
#include "connections/momentum_conn.hpp"

namespace spv {

struct MomentumRule {
  float dw_factor = 0.0f;  // f
  float w_factor = 0.0f;   // d
};

// viscosity: f = exp(-1/tau) (0 for tau = 0), d = decay; simple: f = tau, d = decay; alex: f = tau, d = decay * dWMax.
// In float, as OpenPV computes them.
MomentumRule momentum_rule(MomentumMethod method, double tau, double decay, float dw_max);

// dw[i] <- (1 - f) dw[i] + f prev[i] - d w[i], element by element; `dw` may alias `w` (combine_dW_with_W_flag), in
// which case the decay term reads the value already mixed, as in OpenPV.
void apply_momentum(float* dw, const float* prev, const float* w, std::size_t n, MomentumRule rule);

class MomentumUpdater : public HebbianUpdater {
 public:
  MomentumUpdater(const MomentumConnParams& params, HebbianSources sources, const WeightStore& shape,
                  std::vector<float> initial_prev_dw);

  void initialize() override;
  std::span<const float> prev_dw() const { return prev_dw_; }
  // Adds prev_dW (as <conn>_prev_dW.pvp, written by the connection) to the Hebbian state.
  void register_state(CheckpointRegistry& r) override;
  std::vector<float>& mutable_prev_dw() { return prev_dw_; }

 protected:
  void apply(std::span<float> dw, WeightStore& w) override;

 private:
  MomentumMethod method_;
  double tau_, decay_;
  std::vector<float> initial_prev_dw_;  // zeros, or initPrev_dWFile
  std::vector<float> prev_dw_;
};

}  // namespace spv
