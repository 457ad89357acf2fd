// The progress line keeps a long run's log short: by wall time unless progressInterval is given, by simulated time
// when it is; a terminal gets one line rewritten in place.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/progress.hpp"

using namespace spv;

namespace {

// What was written to a temporary file standing in for stdout.
std::string contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  for (int c; (c = std::fgetc(f)) != EOF;) out += char(c);
  return out;
}

int count(const std::string& text, char c) { return int(std::count(text.begin(), text.end(), c)); }

}  // namespace

TEST_CASE("without progressInterval a log gets about one line per second of wall time", "[progress]") {
  std::FILE* f = std::tmpfile();
  double wall = 0;
  Progress p(0, 1000, std::nullopt, f, false, [&] { return wall; });
  // 1000 steps of 10 ms: 10 s of wall time, so 10 lines (at 1, 2, ..., 10 s) and the final one if new.
  for (int n = 1; n <= 1000; ++n) {
    wall += 0.01;
    p.update(n, n);
  }
  p.finish(1000, 1000);
  const std::string log = contents(f);
  INFO(log);
  CHECK((count(log, '\n') == 10 || count(log, '\n') == 11));
  CHECK(log.find('\r') == std::string::npos);
  CHECK(log.find("t = 1000 / 1000 (100.0%)") != std::string::npos);
  std::fclose(f);
}

TEST_CASE("with progressInterval a log gets a line every interval of simulated time", "[progress]") {
  std::FILE* f = std::tmpfile();
  double wall = 0;
  Progress p(0, 100, 25.0, f, false, [&] { return wall; });
  for (int n = 1; n <= 100; ++n) p.update(n, n);  // no wall time passes: only the interval counts
  p.finish(100, 100);
  const std::string log = contents(f);
  INFO(log);
  CHECK(count(log, '\n') == 4);  // t = 25, 50, 75, 100; the final line is not repeated
  CHECK(log.find("t = 25 / 100 ( 25.0%)") == 0);
  std::fclose(f);
}

TEST_CASE("a terminal gets one line rewritten in place, at most ten times a second", "[progress]") {
  std::FILE* f = std::tmpfile();
  double wall = 0;
  Progress p(0, 1000, 1.0, f, true, [&] { return wall; });
  for (int n = 1; n <= 1000; ++n) {
    wall += 0.001;  // 1 s in all: 10 rewrites
    p.update(n, n);
  }
  p.finish(1000, 1000);
  const std::string out = contents(f);
  CHECK(count(out, '\n') == 1);  // only the final line ends the line
  CHECK(count(out, '\r') >= 10);
  CHECK(count(out, '\r') <= 12);
  std::fclose(f);
}
