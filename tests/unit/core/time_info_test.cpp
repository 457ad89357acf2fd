// The checkpoint's timeinfo text: written in the layout earlier checkpoints have (so they still restart), read back
// exactly, and refused with the file's name when damaged. Expected texts are written out by hand.
#include <catch2/catch.hpp>

#include "core/checkpoint/time_info.hpp"
#include "core/errors.hpp"

using namespace spv;

TEST_CASE("timeinfo is written as decimal and hexadecimal lines", "[checkpoint]") {
  CHECK(format_time_info({8.0, 8}) == "time = 8\nstep = 8\nexact = 0x1p+3\n");
  CHECK(format_time_info({0.0, 0}) == "time = 0\nstep = 0\nexact = 0x0p+0\n");
  // 0.1 + 0.2 is not 0.3: the hexadecimal keeps every bit, the decimal all 17 digits.
  CHECK(format_time_info({0.1 + 0.2, 3}) == "time = 0.30000000000000004\nstep = 3\nexact = 0x1.3333333333334p-2\n");
  CHECK(format_time_info({12.5, 25}) == "time = 12.5\nstep = 25\nexact = 0x1.9p+3\n");
}

TEST_CASE("timeinfo reads back exactly what was written", "[checkpoint]") {
  for (const TimeInfo t : {TimeInfo{8.0, 8}, TimeInfo{0.1 + 0.2, 3}, TimeInfo{0.0, 0}, TimeInfo{1e9 / 3.0, 400}}) {
    const TimeInfo back = parse_time_info(format_time_info(t), "timeinfo");
    CHECK(back.time == t.time);
    CHECK(back.step == t.step);
  }
  // As printf's "%.17g" and "%a" wrote it before.
  const TimeInfo old = parse_time_info("time = 0.30000000000000004\nstep = 3\nexact = 0x1.3333333333334p-2\n", "x");
  CHECK(old.time == 0.1 + 0.2);
}

TEST_CASE("a damaged timeinfo is refused, naming the file", "[checkpoint]") {
  const char* file = "Checkpoint8/timeinfo";
  const auto refused = [&](const std::string& text, const std::string& why) {
    INFO(text);
    CHECK_THROWS_WITH(parse_time_info(text, file), Catch::Contains(file) && Catch::Contains(why));
  };
  refused("", "expected a line \"time = ...\"");
  refused("time = 8\nstep = 8\n", "expected a line \"exact = ...\"");
  refused("time = 8\nstep = 8\nexact = 0x1p+3", "expected a line \"exact = ...\"");  // truncated: no newline
  refused("time = 8\nstep = eight\nexact = 0x1p+3\n", "step \"eight\" is not a whole number");
  refused("time = 8\nstep = -1\nexact = 0x1p+3\n", "step \"-1\"");
  refused("time = 8\nstep = 8\nexact = 8\n", "is not hexadecimal");
  refused("time = 8\nstep = 8\nexact = 0x1p+3junk\n", "is not hexadecimal");
  refused("time = 9\nstep = 8\nexact = 0x1p+3\n", "disagree");
  refused("time = -8\nstep = 8\nexact = -0x1p+3\n", "not a finite time >= 0");
  refused("time = 8\nstep = 8\nexact = 0x1p+3\nmore\n", "text after the exact line");
  refused("time = inf\nstep = 8\nexact = 0xinf\n", "not a finite time");
}
