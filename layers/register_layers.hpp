// Adds every layer type of this folder to a registry.
#pragma once
#include "core/registry.hpp"

namespace spv {
void register_layers(Registry& registry);
}
