#include "core/kernels/cpu_backend.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/kernels/lca_math.hpp"
#include "core/kernels/parallel.hpp"

namespace spv {

Backend& cpu_backend() {
  static CpuBackend backend;
  return backend;
}

void* CpuBackend::allocate(std::size_t bytes) {
  void* p = std::malloc(bytes ? bytes : 1);
  if (!p) throw std::bad_alloc();
  return p;
}

void CpuBackend::release(void* p) noexcept { std::free(p); }

void CpuBackend::to_device(void* dst, const void* host_src, std::size_t bytes) {
  if (bytes) std::memcpy(dst, host_src, bytes);
}

void CpuBackend::to_host(void* host_dst, const void* src, std::size_t bytes) {
  if (bytes) std::memcpy(host_dst, src, bytes);
}

void CpuBackend::zero(void* dst, std::size_t bytes) {
  if (bytes) std::memset(dst, 0, bytes);
}

void CpuBackend::lca_update(const LcaUpdateArgs& p) {
  const LayerGeometry& g = p.g;
  const int rows = g.nbatch * g.ny;
  const int row_len = g.nx * g.nf;
#pragma omp parallel for schedule(static) if (long(rows) * row_len >= kParallelMinElements)
  for (int r = 0; r < rows; ++r) {
    const int b = r / g.ny, y = r % g.ny;
    const std::size_t offset = std::size_t(b) * g.neurons() + std::size_t(y) * row_len;
    const float* a = p.a + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0);
    const float* exc = p.exc + offset;
    const float* inh = p.inh + offset;
    float* v = p.v + offset;
    const float decay = p.decay[std::size_t(b)], self = p.self;
    for (int i = 0; i < row_len; ++i) v[i] = spv::lca_update(v[i], (exc[i] - inh[i]) + self * a[i], decay);
  }
}

void CpuBackend::ista_update(const IstaUpdateArgs& p) {
  const LayerGeometry& g = p.g;
  const int rows = g.nbatch * g.ny;
  const int row_len = g.nx * g.nf;
#pragma omp parallel for schedule(static) if (long(rows) * row_len >= kParallelMinElements)
  for (int r = 0; r < rows; ++r) {
    const int b = r / g.ny, y = r % g.ny;
    const std::size_t offset = std::size_t(b) * g.neurons() + std::size_t(y) * row_len;
    const float* a = p.a + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0);
    const float* exc = p.exc + offset;
    const float* inh = p.inh + offset;
    float* v = p.v + offset;
    const float step = p.step_over_tau[std::size_t(b)], v_thresh = p.v_thresh;
    for (int i = 0; i < row_len; ++i) v[i] = spv::ista_update(v[i], exc[i] - inh[i], a[i], step, v_thresh);
  }
}

void CpuBackend::combine_channels(const CombineChannelsArgs& p) {
  const long n = p.n;
  const float* exc = p.exc;
  const float* inh = p.inh;
  float* v = p.v;
  const float scale = p.scale;
#pragma omp parallel for simd schedule(static) if (n >= kParallelMinElements)
  for (long i = 0; i < n; ++i) v[i] = scale * (exc[i] - inh[i]);
}

void CpuBackend::threshold(const ThresholdArgs& p) {
  const LayerGeometry& g = p.g;
  const Threshold t = p.t;
  const int rows = g.nbatch * g.ny;
  const int row_len = g.nx * g.nf;
#pragma omp parallel for schedule(static) if (long(rows) * row_len >= kParallelMinElements)
  for (int r = 0; r < rows; ++r) {
    const int b = r / g.ny, y = r % g.ny;
    const float* src = p.v + std::size_t(b) * g.neurons() + std::size_t(y) * row_len;
    float* dst = p.a + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0);
    if (p.identity) std::memcpy(dst, src, std::size_t(row_len) * sizeof(float));
    else
      for (int i = 0; i < row_len; ++i) dst[i] = apply_threshold(src[i], t);
  }
}

namespace {

// Position -1 - k holds position k (OpenPV's mirror boundary), for a halo no wider than the layer.
int mirror_index(int i, int n) {
  while (i < 0 || i >= n) i = i < 0 ? -1 - i : 2 * n - 1 - i;
  return i;
}

}  // namespace

void CpuBackend::fill_boundary(const BoundaryArgs& p) {
  const LayerGeometry& g = p.g;
  const Halo& h = g.halo;
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = p.a + std::size_t(b) * g.neurons_ext();
    for (int y = -h.dn; y < g.ny + h.up; ++y)
      for (int x = -h.lt; x < g.nx + h.rt; ++x) {
        const bool out_x = x < 0 || x >= g.nx, out_y = y < 0 || y >= g.ny;
        if (!out_x && !out_y) continue;
        float* dst = a + g.ext_index(x, y, 0);
        if (p.mirror) {
          const float* src = a + g.ext_index(mirror_index(x, g.nx), mirror_index(y, g.ny), 0);
          std::memcpy(dst, src, std::size_t(g.nf) * sizeof(float));
        } else {
          for (int f = 0; f < g.nf; ++f) dst[f] = p.value;
        }
      }
  }
}

void CpuBackend::deliver_one_to_one(const OneToOneArgs& p) {
  const LayerGeometry& g = p.pre;
  const long rows = long(g.nbatch) * g.ny;
  const long row_len = long(g.nx) * g.nf;
#pragma omp parallel for schedule(static) if (rows * row_len >= kParallelMinElements)
  for (long br = 0; br < rows; ++br) {
    const long b = br / g.ny;
    const float* a = p.activity + b * long(g.neurons_ext()) + long(g.ext_index(0, int(br % g.ny), 0));
    float* gsyn = p.gsyn + br * row_len;
    const float scale = p.scale;
    for (long k = 0; k < row_len; ++k) gsyn[k] += scale * a[k];
  }
}

void CpuBackend::reduce(const ReduceArgs& p) {
  const LayerGeometry& g = p.g;
  for (int b = 0; b < g.nbatch; ++b) {
    double sum = 0.0;
    for (int y = 0; y < g.ny; ++y) {
      const float* row = p.extended ? p.data + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0)
                                    : p.data + std::size_t(b) * g.neurons() + g.index(0, y, 0);
      for (int i = 0; i < g.nx * g.nf; ++i) {
        const double v = row[i];
        switch (p.op) {
          case ReduceOp::Sum: sum += v; break;
          case ReduceOp::SumAbs: sum += std::fabs(v); break;
          case ReduceOp::SumSquares: sum += v * v; break;
          case ReduceOp::CountNonzero: sum += v != 0.0 ? 1.0 : 0.0; break;
        }
      }
    }
    p.out[std::size_t(b)] = sum;
  }
}

}  // namespace spv
