// Sets this rank's OpenMP thread count (core/threads/thread_plan.hpp decides it) and reports, on the root, how the
// ranks of every node share its cores, warning once when a node runs more threads than it has cores.
#pragma once
#include <optional>
#include <ostream>

#include "core/comm/communicator.hpp"

namespace spv {

// Collective over every rank. `option` is -t. Returns the threads this rank runs. The root writes one line per
// node to `log` and a warning per oversubscribed node to `warnings`.
int set_up_threads(const std::optional<int>& option, Communicator& comm, std::ostream& log, std::ostream& warnings);

}  // namespace spv
