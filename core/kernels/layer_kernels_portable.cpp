// The per-neuron kernels for the portable instruction set (CMake sets this file's target; see layer_kernels_body.inc).
#define SPV_ISA_NAMESPACE isa_portable
#include "core/kernels/layer_kernels_body.inc"
