#include "core/progress.hpp"

#include <unistd.h>

#include <chrono>

namespace spv {

namespace {

constexpr double kTerminalPeriod = 0.1;  // seconds between rewrites of the terminal line
constexpr double kLogPeriod = 1.0;       // seconds between log lines without progressInterval

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Progress::Progress(double start_time, double stop_time, std::optional<double> interval, std::FILE* out, Clock clock)
    : Progress(start_time, stop_time, interval, out, out && isatty(fileno(out)), std::move(clock)) {}

Progress::Progress(double start_time, double stop_time, std::optional<double> interval, std::FILE* out, bool terminal,
                   Clock clock)
    : start_(start_time),
      stop_(stop_time),
      interval_(interval),
      out_(out),
      terminal_(terminal),
      clock_(clock ? std::move(clock) : Clock(steady_seconds)),
      began_(clock_()) {
  next_time_ = start_time + interval.value_or(0);
  next_wall_ = began_ + (terminal_ ? kTerminalPeriod : kLogPeriod);
}

bool Progress::due(double time) {
  if (interval_ && !terminal_) {
    if (time + 1e-9 < next_time_) return false;
    while (next_time_ <= time + 1e-9) next_time_ += *interval_;
    return true;
  }
  const double now = clock_();
  if (now < next_wall_) return false;
  next_wall_ = now + (terminal_ ? kTerminalPeriod : kLogPeriod);
  return true;
}

void Progress::update(double time, long step) {
  if (out_ && due(time)) print(time, step, false);
}

void Progress::finish(double time, long step) {
  if (!out_) return;
  // On a terminal the final line replaces the last update; in a log it adds the elapsed time only if new.
  if (terminal_ || step != last_printed_step_) print(time, step, true);
}

void Progress::print(double time, long step, bool final) {
  last_printed_step_ = step;
  const double elapsed = clock_() - began_;
  const double rate = elapsed > 0 ? step / elapsed : 0.0;
  const double fraction = stop_ > start_ ? (time - start_) / (stop_ - start_) : 1.0;
  const double eta = fraction > 0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
  std::fprintf(out_, "%st = %.6g / %.6g (%5.1f%%), %.0f steps/s, %s %.1f s%s", terminal_ ? "\r" : "", time, stop_,
               100.0 * fraction, rate, final ? "elapsed" : "ETA", final ? elapsed : eta,
               terminal_ && !final ? "   " : "\n");
  std::fflush(out_);
}

}  // namespace spv
