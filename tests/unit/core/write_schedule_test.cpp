// OpenPV's write schedule: writeStep < 0 never writes, 0 writes every step, > 0 every writeStep from
// initialWriteTime, a negative initialWriteTime moved forward by whole writeSteps. Expected write times by hand.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/write_schedule.hpp"

using spv::WriteSchedule;

namespace {
// The step times (t = 0, 1, ..., last with dt = 1) at which the schedule writes.
std::vector<double> writes(WriteSchedule s, int last) {
  std::vector<double> out;
  for (int t = 0; t <= last; ++t) {
    if (!s.due(t, 1.0)) continue;
    out.push_back(t);
    s.advance(t, 1.0);
  }
  return out;
}
}  // namespace

TEST_CASE("a negative writeStep never writes", "[core][schedule]") {
  CHECK_FALSE(WriteSchedule(-1.0, 0.0).enabled());
  CHECK(writes(WriteSchedule(-1.0, 0.0), 5).empty());
  CHECK(writes(WriteSchedule(-3.0, 2.0), 5).empty());
}

TEST_CASE("writeStep 0 writes at every step from initialWriteTime", "[core][schedule]") {
  CHECK(writes(WriteSchedule(0.0, 2.0), 5) == std::vector<double>{2, 3, 4, 5});
}

TEST_CASE("a positive writeStep writes every writeStep from initialWriteTime", "[core][schedule]") {
  CHECK(writes(WriteSchedule(2.0, 1.0), 7) == std::vector<double>{1, 3, 5, 7});
}

TEST_CASE("a negative initialWriteTime moves forward by whole writeSteps", "[core][schedule]") {
  // -1 + 1 = 0 (OpenPV's DropoutLayerTest files use initialWriteTime = -1 with writeStep = 1).
  CHECK(writes(WriteSchedule(1.0, -1.0), 3) == std::vector<double>{0, 1, 2, 3});
  // -1 + 3 = 2, never 0.
  CHECK(writes(WriteSchedule(3.0, -1.0), 8) == std::vector<double>{2, 5, 8});
  WriteSchedule s(3.0, -7.0);  // -7 + 3 * 3 = 2
  CHECK(s.next_time() == 2.0);
}

TEST_CASE("schedules that repeated addition could not finish still end", "[core][schedule]") {
  // -1e12 + 1e12 whole steps of 1 = 0: found without a trillion additions.
  CHECK(WriteSchedule(1.0, -1e12).next_time() == 0.0);
  // A writeStep below the resolution of the time (1e-300 added to 1 is 1) writes at every step instead of hanging.
  CHECK(writes(WriteSchedule(1e-300, 1.0), 3) == std::vector<double>{1, 2, 3});
  // writeStep = infinity writes once, at initialWriteTime.
  CHECK(writes(WriteSchedule(INFINITY, 2.0), 6) == std::vector<double>{2});
}
