// The regular gather in 16-float vectors; CMake compiles this file alone for x86-64-v4 (AVX-512), and
// conv_delivery.cpp calls it only where gather_regular_avx512_supported().
#if defined(__x86_64__)
#define SPV_GATHER_LANES 16
#define SPV_GATHER_NAME gather_regular_avx512
#include "connections/regular_gather_body.inc"
#endif
