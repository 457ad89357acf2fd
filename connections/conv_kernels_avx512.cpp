// The convolution kernels for the avx512 instruction set (CMake sets this file's target; see conv_kernels_body.inc).
#define SPV_ISA_NAMESPACE isa_avx512
#define SPV_GATHER_LANES 16
#define SPV_ISA_REGULAR_GATHER_ONLY 1
#include "connections/conv_kernels_body.inc"
