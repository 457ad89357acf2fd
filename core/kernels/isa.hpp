// Which vector instruction set the CPU kernels run: one run-time choice for every kernel that has ISA variants.
// Each variant is the same source compiled for another target, doing the same operations in the same order on every
// element (no FMA contraction, no reassociation), so every ISA gives the same bits; only the speed differs.
#pragma once
#include <string>
#include <vector>

namespace spv {

enum class Isa { portable, avx2, avx512 };

const char* isa_name(Isa isa);
// The variants this build carries (portable always; avx2 and avx512 on x86-64 unless built with
// SPV_ISA_VARIANTS=OFF).
std::vector<Isa> built_isas();
// Built and runnable on this CPU.
bool isa_available(Isa isa);
// The widest available ISA, or the one SPV_ISA names (portable, avx2, avx512) when it is set: a narrower one, to
// compare or to rule a variant out. Chosen once per process. Throws spv::Error naming SPV_ISA when it names an ISA
// that is unknown, not built, or not supported by this CPU.
Isa active_isa();
// What active_isa() would choose for an SPV_ISA of `requested` (empty: unset); the testable core of it.
Isa choose_isa(const std::string& requested);

}  // namespace spv
