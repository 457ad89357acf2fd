// The threshold transfer function of ANN-type layers (VThresh, AMin, AMax, AShift, VWidth), shared by CPU and GPU.
#pragma once
#include "core/kernels/host_device.hpp"

namespace spv {

struct Threshold {
  float v_thresh, a_min, a_max, a_shift, v_width;
};

// A = T(V): AMin below VThresh, a linear ramp over VWidth, then V - AShift, capped at AMax.
SPV_HOST_DEVICE inline float apply_threshold(float v, const Threshold& t) {
  float a;
  if (v < t.v_thresh) a = t.a_min;
  else if (v < t.v_thresh + t.v_width)
    a = t.a_min + (t.v_thresh + t.v_width - t.a_shift - t.a_min) * (v - t.v_thresh) / t.v_width;
  else a = v - t.a_shift;
  return a > t.a_max ? t.a_max : a;
}

}  // namespace spv
