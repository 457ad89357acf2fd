// The LCA and ISTA membrane updates per neuron, shared by the CPU loop and the CUDA kernel (one arithmetic body).
#pragma once
#include "core/kernels/host_device.hpp"

namespace spv {

// Exact integration over a step h of tau dV/dt = -V + drive: V <- e^(-h/tau) V + (1 - e^(-h/tau)) drive,
// where drive = GSyn[0] - GSyn[1] (+ A when selfInteract). decay = e^(-h/tau), computed once per batch element.
SPV_HOST_DEVICE inline float lca_update(float v, float drive, float decay) {
  return decay * v + (1.0f - decay) * drive;
}

// One ISTA step: V <- V + (h/tau) (GSyn - VThresh sign(A)).
SPV_HOST_DEVICE inline float ista_update(float v, float gsyn, float a, float step_over_tau, float v_thresh) {
  float sign = a > 0.0f ? 1.0f : (a < 0.0f ? -1.0f : 0.0f);
  return v + step_over_tau * (gsyn - v_thresh * sign);
}

}  // namespace spv
