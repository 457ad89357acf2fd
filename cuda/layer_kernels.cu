// One thread per neuron over the shared per-element maths (core/kernels/*_math.hpp); built with --fmad=false so
// that each expression rounds as the CPU loop's does.
#include "cuda/layer_kernels.hpp"

#include "core/kernels/lca_math.hpp"
#include "core/kernels/threshold_math.hpp"
#include "cuda/cuda_check.hpp"

namespace spv {

namespace {

constexpr int kThreads = 256;

// A layer's sizes in plain ints (LayerGeometry's helpers are host-only).
struct Dims {
  int nbatch, ny, nx, nf, nx_ext, ny_ext, lt, dn;
  long neurons, neurons_ext;
};

Dims dims_of(const LayerGeometry& g) {
  return {g.nbatch, g.ny, g.nx, g.nf, g.nx_ext(), g.ny_ext(), g.halo.lt, g.halo.dn, long(g.neurons()),
          long(g.neurons_ext())};
}

// Restricted index i (over every batch element) -> its batch element and extended index.
__device__ inline long ext_of(const Dims& d, long i, int* batch) {
  const long b = i / d.neurons, rem = i - b * d.neurons;
  const long row = long(d.nx) * d.nf;
  const long y = rem / row, xf = rem - y * row;
  *batch = int(b);
  return b * d.neurons_ext + ((y + d.dn) * d.nx_ext + d.lt) * d.nf + xf;
}

int blocks_for(long n) { return int((n + kThreads - 1) / kThreads); }

__global__ void lca_kernel(Dims d, float* v, const float* exc, const float* inh, const float* a, float self,
                           const float* decay) {
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= d.nbatch * d.neurons) return;
  int b = 0;
  const long e = ext_of(d, i, &b);
  v[i] = lca_update(v[i], (exc[i] - inh[i]) + self * a[e], decay[b]);
}

__global__ void ista_kernel(Dims d, float* v, const float* exc, const float* inh, const float* a, float v_thresh,
                            const float* step) {
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= d.nbatch * d.neurons) return;
  int b = 0;
  const long e = ext_of(d, i, &b);
  v[i] = ista_update(v[i], exc[i] - inh[i], a[e], step[b], v_thresh);
}

__global__ void combine_kernel(long n, float* v, const float* exc, const float* inh, float scale) {
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < n) v[i] = scale * (exc[i] - inh[i]);
}

__global__ void threshold_kernel(Dims d, const float* v, float* a, Threshold t, bool identity, const float* vertices,
                                 int vertex_count) {
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= d.nbatch * d.neurons) return;
  int b = 0;
  const long e = ext_of(d, i, &b);
  a[e] = identity ? v[i] : vertex_count > 0 ? apply_vertices(v[i], vertices, vertex_count) : apply_threshold(v[i], t);
}

__global__ void one_to_one_kernel(Dims d, const float* a, float* gsyn, float scale) {
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= d.nbatch * d.neurons) return;
  int b = 0;
  const long e = ext_of(d, i, &b);
  gsyn[i] = gsyn[i] + scale * a[e];
}

__device__ inline int mirror_index(int i, int n) {
  while (i < 0 || i >= n) i = i < 0 ? -1 - i : 2 * n - 1 - i;
  return i;
}

// One thread per extended cell (all features); halo cells read only interior cells, so no thread reads a cell
// another writes.
__global__ void boundary_kernel(Dims d, float* a, bool mirror, float value) {
  const long cells = long(d.nx_ext) * d.ny_ext;
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= d.nbatch * cells) return;
  const long b = i / cells, c = i - b * cells;
  const int x = int(c % d.nx_ext) - d.lt, y = int(c / d.nx_ext) - d.dn;
  if (x >= 0 && x < d.nx && y >= 0 && y < d.ny) return;
  float* base = a + b * d.neurons_ext;
  float* dst = base + c * d.nf;
  if (mirror) {
    const int mx = mirror_index(x, d.nx), my = mirror_index(y, d.ny);
    const float* src = base + (long(my + d.dn) * d.nx_ext + (mx + d.lt)) * d.nf;
    for (int f = 0; f < d.nf; ++f) dst[f] = src[f];
  } else {
    for (int f = 0; f < d.nf; ++f) dst[f] = value;
  }
}

// One block per batch element; each thread sums a fixed strided subset in double, then a fixed tree: the result
// depends only on the data, never on scheduling.
__global__ void reduce_kernel(Dims d, const float* data, bool extended, ReduceOp op, double* out) {
  __shared__ double partial[kThreads];
  const int b = blockIdx.x;
  const long row = long(d.nx) * d.nf;
  double sum = 0.0;
  for (long i = threadIdx.x; i < d.neurons; i += blockDim.x) {
    const long y = i / row, xf = i - y * row;
    const long at = extended ? b * d.neurons_ext + ((y + d.dn) * d.nx_ext + d.lt) * d.nf + xf : b * d.neurons + i;
    const double v = data[at];
    switch (op) {
      case ReduceOp::Sum: sum += v; break;
      case ReduceOp::SumAbs: sum += fabs(v); break;
      case ReduceOp::SumSquares: sum += v * v; break;
      case ReduceOp::CountNonzero: sum += v != 0.0 ? 1.0 : 0.0; break;
    }
  }
  partial[threadIdx.x] = sum;
  __syncthreads();
  for (int half = kThreads / 2; half > 0; half /= 2) {
    if (int(threadIdx.x) < half) partial[threadIdx.x] += partial[threadIdx.x + half];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[b] = partial[0];
}

}  // namespace

void launch_lca_update(const LcaUpdateArgs& p, const float* decay_dev, cudaStream_t stream) {
  const Dims d = dims_of(p.g);
  const long n = d.nbatch * d.neurons;
  if (n == 0) return;
  lca_kernel<<<blocks_for(n), kThreads, 0, stream>>>(d, p.v, p.exc, p.inh, p.a, p.self, decay_dev);
  SPV_CUDA_LAUNCHED();
}

void launch_ista_update(const IstaUpdateArgs& p, const float* step_dev, cudaStream_t stream) {
  const Dims d = dims_of(p.g);
  const long n = d.nbatch * d.neurons;
  if (n == 0) return;
  ista_kernel<<<blocks_for(n), kThreads, 0, stream>>>(d, p.v, p.exc, p.inh, p.a, p.v_thresh, step_dev);
  SPV_CUDA_LAUNCHED();
}

void launch_combine_channels(const CombineChannelsArgs& p, cudaStream_t stream) {
  if (p.n == 0) return;
  combine_kernel<<<blocks_for(p.n), kThreads, 0, stream>>>(p.n, p.v, p.exc, p.inh, p.scale);
  SPV_CUDA_LAUNCHED();
}

void launch_threshold(const ThresholdArgs& p, const float* vertices_dev, cudaStream_t stream) {
  const Dims d = dims_of(p.g);
  const long n = d.nbatch * d.neurons;
  if (n == 0) return;
  threshold_kernel<<<blocks_for(n), kThreads, 0, stream>>>(d, p.v, p.a, p.t, p.identity, vertices_dev, p.vertex_count);
  SPV_CUDA_LAUNCHED();
}

void launch_fill_boundary(const BoundaryArgs& p, cudaStream_t stream) {
  const Dims d = dims_of(p.g);
  const long n = d.nbatch * long(d.nx_ext) * d.ny_ext;
  if (n == 0) return;
  boundary_kernel<<<blocks_for(n), kThreads, 0, stream>>>(d, p.a, p.mirror, p.value);
  SPV_CUDA_LAUNCHED();
}

void launch_one_to_one(const OneToOneArgs& p, cudaStream_t stream) {
  const Dims d = dims_of(p.pre);
  const long n = d.nbatch * d.neurons;
  if (n == 0) return;
  one_to_one_kernel<<<blocks_for(n), kThreads, 0, stream>>>(d, p.activity, p.gsyn, p.scale);
  SPV_CUDA_LAUNCHED();
}

void launch_reduce(const ReduceArgs& p, double* out_dev, cudaStream_t stream) {
  const Dims d = dims_of(p.g);
  if (d.nbatch == 0) return;
  reduce_kernel<<<d.nbatch, kThreads, 0, stream>>>(d, p.data, p.extended, p.op, out_dev);
  SPV_CUDA_LAUNCHED();
}

}  // namespace spv
