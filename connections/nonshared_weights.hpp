// Helpers of non-shared weights (ConvGeometry::shared false): patches from the kernels a shared-weight initialiser
// computes, as OpenPV's kernel-like initialisers (Gauss2D, OneToOne, ...) give every pre neuron its unit cell's
// kernel.
#pragma once
#include "connections/conv_geometry.hpp"
#include "connections/weight_store.hpp"

namespace spv {

// patches (g's non-shared store) = for every pre neuron of the patch grid, the kernel of its cell and feature in
// `kernels` (g.as_shared()'s store).
void expand_kernels(const WeightStore& kernels, const ConvGeometry& g, WeightStore& patches);

}  // namespace spv
