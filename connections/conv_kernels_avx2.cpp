// The convolution kernels for the avx2 instruction set (CMake sets this file's target; see conv_kernels_body.inc).
#define SPV_ISA_NAMESPACE isa_avx2
#define SPV_GATHER_LANES 8
#define SPV_ISA_REGULAR_GATHER_ONLY 0
#include "connections/conv_kernels_body.inc"
