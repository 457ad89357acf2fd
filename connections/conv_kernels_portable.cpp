// The convolution kernels for the portable instruction set (CMake sets this file's target; see conv_kernels_body.inc).
#define SPV_ISA_NAMESPACE isa_portable
#define SPV_GATHER_LANES 4
#define SPV_ISA_REGULAR_GATHER_ONLY 0
#include "connections/conv_kernels_body.inc"
