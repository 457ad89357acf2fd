// Launchers of the CUDA layer-update, boundary and reduction kernels; each takes the contract's arguments with
// device pointers, plus per-batch coefficients already on the device.
#pragma once
#include <cuda_runtime.h>

#include "core/kernels/layer_kernel_args.hpp"

namespace spv {

void launch_lca_update(const LcaUpdateArgs& args, const float* decay_dev, cudaStream_t stream);
void launch_ista_update(const IstaUpdateArgs& args, const float* step_dev, cudaStream_t stream);
void launch_combine_channels(const CombineChannelsArgs& args, cudaStream_t stream);
// vertices_dev: the device copy of args.vertices (when args.vertex_count > 0).
void launch_threshold(const ThresholdArgs& args, const float* vertices_dev, cudaStream_t stream);
void launch_fill_boundary(const BoundaryArgs& args, cudaStream_t stream);
void launch_one_to_one(const OneToOneArgs& args, cudaStream_t stream);
// out_dev[b] for every local batch element.
void launch_reduce(const ReduceArgs& args, double* out_dev, cudaStream_t stream);

}  // namespace spv
