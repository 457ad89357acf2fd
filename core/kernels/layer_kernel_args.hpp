// The argument structs of the layer-update kernels: one per operation, the same for every back-end. Buffers are in
// the back-end's memory (host for the CPU, device for CUDA); per-batch coefficients are small host arrays.
#pragma once
#include <span>

#include "core/geometry.hpp"
#include "core/kernels/threshold_math.hpp"

namespace spv {

// LCA: v <- decay[b] v + (1 - decay[b]) (exc - inh + self * a) over the restricted neurons; a is the extended
// activity of the previous update (read only where self != 0).
struct LcaUpdateArgs {
  LayerGeometry g;
  float* v;
  const float* exc;
  const float* inh;
  const float* a;
  float self;
  std::span<const float> decay;  // per local batch element (host memory)
};

// ISTA: v <- v + step_over_tau[b] (exc - inh - v_thresh sign(a)).
struct IstaUpdateArgs {
  LayerGeometry g;
  float* v;
  const float* exc;
  const float* inh;
  const float* a;
  float v_thresh;
  std::span<const float> step_over_tau;  // per local batch element (host memory)
};

// v <- scale (exc - inh) over n contiguous elements (error and ANN layers: every batch element at once).
struct CombineChannelsArgs {
  long n;
  float* v;
  const float* exc;
  const float* inh;
  float scale;
};

// a (extended) <- T(v) (restricted) over every local batch element; identity copies v (A = V layers).
struct ThresholdArgs {
  LayerGeometry g;
  const float* v;
  float* a;
  Threshold t;
  bool identity;
  // With vertex_count > 0 the transfer function is apply_vertices over this host table (threshold_math.hpp)
  // instead of t.
  const float* vertices = nullptr;
  int vertex_count = 0;
};

// The halo of an extended buffer whose tile is the whole layer: every halo cell takes the mirrored interior cell
// (mirror) or `value`, as Layer's host boundary fill does.
struct BoundaryArgs {
  LayerGeometry g;
  float* a;
  bool mirror;
  float value;
};

// gsyn (post, restricted) += scale * activity (pre, extended, same tile size): connections that map neuron k to k.
struct OneToOneArgs {
  LayerGeometry pre;
  const float* activity;
  float* gsyn;
  float scale;
};

enum class ReduceOp { Sum, SumAbs, SumSquares, CountNonzero };

// Per local batch element, the reduction of the restricted part of a buffer (extended when `extended`), into
// out[b] (host memory). Sums accumulate in double.
struct ReduceArgs {
  LayerGeometry g;
  const float* data;
  bool extended;
  ReduceOp op;
  std::span<double> out;
};

}  // namespace spv
