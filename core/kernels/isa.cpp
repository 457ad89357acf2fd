#include "core/kernels/isa.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/build_config.hpp"
#include "params/error.hpp"

namespace spv {

const char* isa_name(Isa isa) {
  switch (isa) {
    case Isa::avx2: return "avx2";
    case Isa::avx512: return "avx512";
    default: return "portable";
  }
}

std::vector<Isa> built_isas() {
#if SPV_ISA_VARIANTS
  return {Isa::portable, Isa::avx2, Isa::avx512};
#else
  return {Isa::portable};
#endif
}

bool isa_available(Isa isa) {
  const std::vector<Isa> built = built_isas();
  if (std::find(built.begin(), built.end(), isa) == built.end()) return false;
#if SPV_ISA_VARIANTS
  // What x86-64-v3 and x86-64-v4 promise: the avx2 and avx512 variants are compiled for those levels.
  if (isa == Isa::avx2)
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi2");
  if (isa == Isa::avx512)
    return isa_available(Isa::avx2) && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
#endif
  return true;
}

Isa choose_isa(const std::string& requested) {
  if (requested.empty()) {
    Isa best = Isa::portable;
    for (Isa isa : built_isas())
      if (isa_available(isa)) best = isa;
    return best;
  }
  for (Isa isa : {Isa::portable, Isa::avx2, Isa::avx512}) {
    if (requested != isa_name(isa)) continue;
    if (isa_available(isa)) return isa;
    const std::vector<Isa> built = built_isas();
    const bool is_built = std::find(built.begin(), built.end(), isa) != built.end();
    throw Error("SPV_ISA=" + requested + ": " +
                (is_built ? "this CPU does not support it" : "this build has no such variant (SPV_ISA_VARIANTS=OFF)"));
  }
  throw Error("SPV_ISA=" + requested + ": expected portable, avx2 or avx512");
}

Isa active_isa() {
  static const Isa isa = [] {
    const char* env = std::getenv("SPV_ISA");
    return choose_isa(env ? env : "");
  }();
  return isa;
}

}  // namespace spv
