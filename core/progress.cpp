#include "core/progress.hpp"

#include <unistd.h>

namespace spv {

Progress::Progress(double start_time, double stop_time, double interval, std::FILE* out)
    : start_(start_time), stop_(stop_time), interval_(interval), next_(start_time + interval), out_(out),
      terminal_(out && isatty(fileno(out))), began_(std::chrono::steady_clock::now()) {}

void Progress::update(double time, long step) {
  if (!out_ || time + 1e-9 < next_) return;
  while (next_ <= time + 1e-9) next_ += interval_;
  print(time, step, false);
}

void Progress::finish(double time, long step) {
  if (!out_) return;
  // On a terminal the final line replaces the last update; in a log it adds the elapsed time only if new.
  if (terminal_ || step != last_printed_step_) print(time, step, true);
}

void Progress::print(double time, long step, bool final) {
  last_printed_step_ = step;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - began_).count();
  double rate = elapsed > 0 ? step / elapsed : 0.0;
  double fraction = stop_ > start_ ? (time - start_) / (stop_ - start_) : 1.0;
  double eta = fraction > 0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
  std::fprintf(out_, "%st = %.6g / %.6g (%5.1f%%), %.0f steps/s, %s %.1f s%s", terminal_ ? "\r" : "", time, stop_,
               100.0 * fraction, rate, final ? "elapsed" : "ETA", final ? elapsed : eta,
               terminal_ && !final ? "   " : "\n");
  std::fflush(out_);
}

}  // namespace spv
