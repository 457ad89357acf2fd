// Every group type sparsepv ships: layers, connections and probes in one registry value.
#pragma once
#include "core/registry.hpp"

namespace spv {
Registry default_registry();
}
