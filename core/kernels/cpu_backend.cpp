#include "core/kernels/cpu_backend.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/build_config.hpp"
#include "core/kernels/isa.hpp"
#include "core/kernels/layer_isa_kernels.hpp"

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

namespace {

// Position -1 - k holds position k (OpenPV's mirror boundary), for a halo no wider than the layer.
int mirror_index(int i, int n) {
  while (i < 0 || i >= n) i = i < 0 ? -1 - i : 2 * n - 1 - i;
  return i;
}

}  // namespace

namespace {

// The per-neuron kernels of this process's ISA, chosen once.
const LayerIsaKernels& kernels_here() {
  static const LayerIsaKernels& k = layer_isa_kernels(active_isa());
  return k;
}

}  // namespace

const LayerIsaKernels& layer_isa_kernels(Isa isa) {
#if SPV_ISA_VARIANTS
  if (isa == Isa::avx512) return isa_avx512::kLayerKernels;
  if (isa == Isa::avx2) return isa_avx2::kLayerKernels;
#endif
  (void)isa;
  return isa_portable::kLayerKernels;
}

void CpuBackend::lca_update(const LcaUpdateArgs& p) { kernels_here().lca_update(p); }
void CpuBackend::ista_update(const IstaUpdateArgs& p) { kernels_here().ista_update(p); }
void CpuBackend::combine_channels(const CombineChannelsArgs& p) { kernels_here().combine_channels(p); }
void CpuBackend::threshold(const ThresholdArgs& p) { kernels_here().threshold(p); }
void CpuBackend::deliver_one_to_one(const OneToOneArgs& p) { kernels_here().deliver_one_to_one(p); }

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
