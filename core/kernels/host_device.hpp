// Marks per-element maths that the CPU loops and the CUDA kernels share (one arithmetic body for both back-ends).
#pragma once
#if defined(__CUDACC__)
#define SPV_HOST_DEVICE __host__ __device__
#else
#define SPV_HOST_DEVICE
#endif
