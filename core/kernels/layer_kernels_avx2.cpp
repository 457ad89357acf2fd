// The per-neuron kernels for the avx2 instruction set (CMake sets this file's target; see layer_kernels_body.inc).
#define SPV_ISA_NAMESPACE isa_avx2
#include "core/kernels/layer_kernels_body.inc"
