#include "probes/register_probes.hpp"

namespace spv {

void register_probes(Registry& registry) {
  (void)registry;
}

}  // namespace spv
