// The CPU back-end's per-neuron kernels of one instruction set (isa.hpp), as layer_kernels_body.inc defines them in
// each ISA's namespace; CpuBackend calls those of active_isa(), and tests compare the variants.
#pragma once
#include "core/kernels/isa.hpp"
#include "core/kernels/layer_kernel_args.hpp"

namespace spv {

struct LayerIsaKernels {
  void (*lca_update)(const LcaUpdateArgs& args);
  void (*ista_update)(const IstaUpdateArgs& args);
  void (*combine_channels)(const CombineChannelsArgs& args);
  void (*threshold)(const ThresholdArgs& args);
  void (*deliver_one_to_one)(const OneToOneArgs& args);
};

// The kernels of `isa`, which must be built (built_isas()); running them needs isa_available(isa).
const LayerIsaKernels& layer_isa_kernels(Isa isa);

namespace isa_portable {
extern const LayerIsaKernels kLayerKernels;
}
namespace isa_avx2 {
extern const LayerIsaKernels kLayerKernels;
}
namespace isa_avx512 {
extern const LayerIsaKernels kLayerKernels;
}

}  // namespace spv
