// The adaptive timescale state machine against hand-computed sequences (OpenPV's AdaptiveTimeScaleController and
// KneeTimeScaleController).
#include "probes/time_scale_controller.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using spv::TimeScaleController;
using spv::TimeScaleSettings;
using spv::TimeScaleState;

namespace {

void check_state(const TimeScaleController& c, double timescale, double energy, double cap) {
  const TimeScaleState& s = c.state().at(0);
  CHECK(s.timescale == Approx(timescale).epsilon(1e-15));
  CHECK(s.timescale_true == energy);
  CHECK(s.timescale_max == Approx(cap).epsilon(1e-15));
}

}  // namespace

TEST_CASE("adaptive timescale: reset, growth to the cap, equal energy, rise", "[probes][timescale]") {
  // baseMin 1, baseMax 2, tauFactor 0.5, growthFactor 0.25
  TimeScaleController c(TimeScaleSettings{2.0, 1.0, 0.5, 0.25}, 1);
  check_state(c, 1.0, -1.0, 2.0);  // before any step
  c.update({-1.0});                // trigger at the first step: -1 equals the initial -1, nothing changes
  check_state(c, 1.0, -1.0, 2.0);
  c.update({100.0});  // previous energy -1 <= 0: back to baseMin, baseMax
  check_state(c, 1.0, 100.0, 2.0);
  c.update({90.0});  // 0.5 * 100 / ((100 - 90) / 1) = 5 reaches the cap 2: timescale 2, cap 2 * 1.25
  check_state(c, 2.0, 90.0, 2.5);
  c.update({89.0});  // 0.5 * 90 / ((90 - 89) / 2) = 90: capped at 2.5, cap 3.125
  check_state(c, 2.5, 89.0, 3.125);
  c.update({89.0});  // equal energy: nothing changes but the remembered energy
  check_state(c, 2.5, 89.0, 3.125);
  c.update({88.0});  // 0.5 * 89 / (1 / 2.5) = 111.25: capped at 3.125, cap 3.90625
  check_state(c, 3.125, 88.0, 3.90625);
  c.update({95.0});  // energy rose: baseMin, baseMax
  check_state(c, 1.0, 95.0, 2.0);
  c.update({50.0});  // 0.5 * 95 / (45 / 1) below the cap: taken as is
  check_state(c, 0.5 * 95.0 / 45.0, 50.0, 2.0);
  c.update({-1.0});  // a trigger: the new energy -1 <= 0 resets
  check_state(c, 1.0, -1.0, 2.0);
  c.update({0.0});  // a zero energy also resets (E <= 0)
  check_state(c, 1.0, 0.0, 2.0);
}

TEST_CASE("adaptive timescale keeps batch elements apart", "[probes][timescale]") {
  TimeScaleController c(TimeScaleSettings{2.0, 1.0, 0.5, 0.25}, 2);
  c.update({100.0, 100.0});
  c.update({90.0, 120.0});
  CHECK(c.state()[0].timescale == 2.0);
  CHECK(c.state()[0].timescale_max == 2.5);
  CHECK(c.state()[1].timescale == 1.0);
  CHECK(c.state()[1].timescale_max == 2.0);
}

TEST_CASE("knee timescale slows the cap's growth above kneeThresh", "[probes][timescale]") {
  TimeScaleSettings s{2.0, 1.0, 0.5, 0.25};
  s.knee = true;
  s.knee_thresh = 2.2;
  s.knee_slope = 0.1;
  TimeScaleController c(s, 1);
  c.update({100.0});
  check_state(c, 1.0, 100.0, 2.0);  // cap 2 is below the knee: untouched
  c.update({90.0});  // base: timescale 2, cap 2.5 > 2.2: cap = 2 + (2.5 - 2) * 0.1 = 2.05, timescale min(2, 2.05)
  check_state(c, 2.0, 90.0, 2.05);
  c.update({89.0});  // base: capped at 2.05, cap 2.5625; knee: 2.05 + 0.5125 * 0.1 = 2.10125
  check_state(c, 2.05, 89.0, 2.10125);
  c.update({89.0});  // equal energy; the knee sees no growth of the cap
  check_state(c, 2.05, 89.0, 2.10125);
}

TEST_CASE("knee timescale caps the timescale at the reduced cap", "[probes][timescale]") {
  TimeScaleSettings s{2.0, 1.0, 0.5, 3.0};  // the cap quadruples when reached
  s.knee = true;
  s.knee_thresh = 1.0;
  s.knee_slope = 0.5;
  TimeScaleController c(s, 1);
  c.update({100.0});
  // base leaves the cap 2 > 1 unchanged: knee keeps it at 2 and holds the timescale 1
  check_state(c, 1.0, 100.0, 2.0);
  c.update({99.0});  // 0.5 * 100 / 1 = 50: base timescale 2, cap 8; knee: cap 2 + 6 * 0.5 = 5
  check_state(c, 2.0, 99.0, 5.0);
}

TEST_CASE("timescale controller rejects a wrong number of energies", "[probes][timescale]") {
  TimeScaleController c(TimeScaleSettings{2.0, 1.0, 0.5, 0.25}, 2);
  CHECK_THROWS_WITH(c.update({1.0}), Catch::Contains("1 energies for 2 batch elements"));
}

TEST_CASE("log timescale: the cap's growth decays with its distance above baseMax", "[probes][timescale]") {
  // baseMax 2, growthFactor 1, logThresh 4, logSlope e^-1: L = -(4 - 2) / ln(e^-1) = 2.
  TimeScaleSettings s{2.0, 1.0, 0.5, 1.0};
  s.log = true;
  s.log_thresh = 4.0;
  s.log_slope = std::exp(-1.0);
  TimeScaleController c(s, 1);
  c.update({100.0});
  check_state(c, 1.0, 100.0, 2.0);
  c.update({90.0});  // 0.5 * 100 / 10 = 5 reaches the cap 2: growth 1 * exp(-(2 - 2) / 2) = 1, cap 4
  check_state(c, 2.0, 90.0, 4.0);
  c.update({89.0});  // 0.5 * 90 / (1 / 2) = 90: capped at 4; growth exp(-(4 - 2) / 2) = e^-1, cap 4 (1 + e^-1)
  check_state(c, 4.0, 89.0, 4.0 * (1.0 + std::exp(-1.0)));
  c.update({95.0});  // energy rose: baseMin, baseMax
  check_state(c, 1.0, 95.0, 2.0);
}

TEST_CASE("log timescale with OpenPV's default logSlope 1 grows as the adaptive one", "[probes][timescale]") {
  TimeScaleSettings s{2.0, 1.0, 0.5, 0.25};
  s.log = true;
  s.log_thresh = 1024.0;
  s.log_slope = 1.0;  // ln 1 = 0: L is infinite, the growth factor is growthFactor
  TimeScaleController c(s, 1);
  c.update({100.0});
  c.update({90.0});
  check_state(c, 2.0, 90.0, 2.5);
  c.update({89.0});
  check_state(c, 2.5, 89.0, 3.125);
}
