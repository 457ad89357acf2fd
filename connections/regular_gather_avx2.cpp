// The regular gather in 8-float vectors (the baseline x86-64-v3 build), and the AVX-512 check.
#define SPV_GATHER_LANES 8
#define SPV_GATHER_NAME gather_regular_avx2
#include "connections/regular_gather_body.inc"

namespace spv {

#if !defined(__x86_64__)
bool gather_regular_avx512_supported() { return false; }
void gather_regular_avx512(const ConvPlan& plan, std::span<const float> activity, std::span<const float> kernels,
                           std::span<float> gsyn) {
  gather_regular_avx2(plan, activity, kernels, gsyn);
}
#else
bool gather_regular_avx512_supported() {
  // What x86-64-v4 promises, which regular_gather_avx512.cpp is compiled for.
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512dq") &&
         __builtin_cpu_supports("avx512vl");
}
#endif

}  // namespace spv
