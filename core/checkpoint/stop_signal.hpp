// SIGINT and SIGTERM as a request to stop: the handler only records the signal; the column finishes its timestep,
// writes a checkpoint and returns, so that a scheduler's stop never loses work.
#pragma once

namespace spv {

// Installs the handlers (idempotent). Called by the application, never by library code on its own.
void install_stop_signal_handlers();
// The signal received (SIGINT or SIGTERM), or 0.
int stop_signal_received();

}  // namespace spv
