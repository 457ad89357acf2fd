// Counts heap allocations (global operator new, every form) made between start() and stop(), on any thread.
#pragma once

namespace spv::test {

struct AllocationCount {
  static void start();
  // Stops counting and returns how many allocations were made since start().
  static long stop();
};

// Called on every counted allocation (a place for a debugger breakpoint).
void counted_allocation();

}  // namespace spv::test
