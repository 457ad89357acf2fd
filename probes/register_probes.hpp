// Adds every probe type of this folder to a registry.
#pragma once
#include "core/registry.hpp"

namespace spv {
void register_probes(Registry& registry);
}
