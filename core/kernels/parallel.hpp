// When a per-neuron loop is worth OpenMP threads: below this many elements, waking the team costs more than the
// work (and under oversubscription a spinning team can cost milliseconds).
#pragma once

namespace spv {

inline constexpr long kParallelMinElements = 16384;

}  // namespace spv
