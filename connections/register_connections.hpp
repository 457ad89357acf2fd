// Adds every connection type of this folder to a registry.
#pragma once
#include "core/registry.hpp"

namespace spv {
void register_connections(Registry& registry);
}
