#include "connections/register_connections.hpp"

namespace spv {

void register_connections(Registry& registry) {
  (void)registry;
}

}  // namespace spv
