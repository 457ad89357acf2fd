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

// A = T(V) for a piecewise-linear transfer function given by n vertices (OpenPV's verticesV / verticesA): the
// table holds V[0..n), A[0..n) and n + 1 slopes, slope[0] left of the first vertex, slope[n] right of the last,
// slope[k] between vertices k - 1 and k. At a jump (two vertices with one V) the function is continuous from the
// right: the last vertex at that V gives the value.
SPV_HOST_DEVICE inline float apply_vertices(float v, const float* table, int n) {
  const float* vv = table;
  const float* va = table + n;
  const float* slope = table + 2 * n;
  if (v < vv[0]) return va[0] + slope[0] * (v - vv[0]);
  if (v >= vv[n - 1]) return va[n - 1] + slope[n] * (v - vv[n - 1]);
  int k = 0;  // the last vertex at or left of v (k < n - 1 here)
  while (k + 1 < n - 1 && vv[k + 1] <= v) ++k;
  return v == vv[k] ? va[k] : va[k] + slope[k + 1] * (v - vv[k]);
}

}  // namespace spv
