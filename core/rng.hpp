// Counter-based random numbers (Philox-4x32-10): a value is a pure function of (seed, stream, index, counter), so it
// does not depend on which rank or thread draws it.
#pragma once
#include <cstdint>

namespace spv {

struct RngKey {
  std::uint64_t seed = 0;
  std::uint64_t stream = 0;  // e.g. a hash of the object's name and purpose
};

// Four 32-bit words for (key, index, counter).
void philox4x32(const RngKey& key, std::uint64_t index, std::uint64_t counter, std::uint32_t out[4]);

// Uniform in [0, 1) with 24 bits, from word w of the block.
double uniform01(const RngKey& key, std::uint64_t index, std::uint64_t counter = 0);
// Standard normal (Box-Muller on two words of one block).
double standard_normal(const RngKey& key, std::uint64_t index, std::uint64_t counter = 0);

// Stable 64-bit hash of a string (FNV-1a), for deriving streams from object names.
std::uint64_t hash_name(const char* s);

}  // namespace spv
