#include "core/comm/launcher.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

namespace spv {

int launcher_ranks_on_node() {
  for (const char* name : {"OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS", "SLURM_NTASKS_PER_NODE"}) {
    const char* text = std::getenv(name);
    if (!text) continue;
    int value = 0;
    // Slurm writes "2(x3)" for three nodes of two: the leading count is this node's.
    auto [next, ec] = std::from_chars(text, text + std::strlen(text), value);
    if (ec == std::errc() && next != text && value >= 1) return value;
  }
  return 1;
}

}  // namespace spv
