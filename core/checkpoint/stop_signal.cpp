#include "core/checkpoint/stop_signal.hpp"

#include <csignal>

namespace spv {

namespace {
volatile std::sig_atomic_t received = 0;
extern "C" void on_stop_signal(int sig) { received = sig; }
}  // namespace

void install_stop_signal_handlers() {
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
}

int stop_signal_received() { return received; }

}  // namespace spv
