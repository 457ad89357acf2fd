#include "app/default_registry.hpp"

#include "connections/register_connections.hpp"
#include "layers/register_layers.hpp"
#include "probes/register_probes.hpp"

namespace spv {

Registry default_registry() {
  Registry r;
  register_layers(r);
  register_connections(r);
  register_probes(r);
  return r;
}

}  // namespace spv
