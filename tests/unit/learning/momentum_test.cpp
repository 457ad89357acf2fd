// Plain Hebbian and momentum updates of a tiny connection (one 2x2 kernel) against values worked out by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "connections/momentum_conn.hpp"
#include "connections/momentum_updater.hpp"
#include "tests/unit/learning/learning_net.hpp"

using namespace spv;

using test::TinyRun;

TEST_CASE("HyPerConn: W += dWMax * pre * post at every update", "[learning]") {
  TinyRun t("");
  // Every value is a short binary fraction, so float arithmetic is exact.
  CHECK(t.step() == std::vector<float>{1.5f, 0.25f, -0.875f, 1.25f});
  CHECK(t.step() == std::vector<float>{1.75f, 0.5f, -1.125f, 1.75f});
}

TEST_CASE("MomentumConn simple: dW <- (1 - tau) dW + tau prev_dW - decay W", "[learning][momentum]") {
  TinyRun t("groupType = \"MomentumConn\", momentumMethod = \"simple\", timeConstantTau = 0.5, momentumDecay = 0.25");
  // Update 1 (prev_dW = 0): dW = (1/2)(1, 1/2, -1, 1/4) - (1/4) W0 = (3/8, 5/16, -17/32, -1/8).
  CHECK(t.step() == std::vector<float>{0.875f, 0.0625f, -0.40625f, 0.875f});
  // Update 2: dW = (1/2)(1/4, 1/4, -1/4, 1/2) + (1/2) prev_dW - (1/4) W1 = (3/32, 17/64, -37/128, -1/32).
  CHECK(t.step() == std::vector<float>{0.96875f, 0.328125f, -0.6953125f, 0.84375f});
  const auto& conn = t.run->get<MomentumConn>("Dict");
  const auto* updater = dynamic_cast<const MomentumUpdater*>(conn.updater());
  REQUIRE(updater);
  CHECK(std::vector<float>(updater->prev_dw().begin(), updater->prev_dw().end()) ==
        std::vector<float>{0.09375f, 0.265625f, -0.2890625f, -0.03125f});
}

TEST_CASE("MomentumConn alex: the decay is scaled by dWMax", "[learning][momentum]") {
  TinyRun t("groupType = \"MomentumConn\", momentumMethod = \"alex\", timeConstantTau = 0.5, momentumDecay = 0.25");
  // d = momentumDecay * dWMax = 1/8. Update 1: dW = (1/2)(1, 1/2, -1, 1/4) - (1/8) W0 = (7/16, 9/32, -33/64, 0).
  CHECK(t.step() == std::vector<float>{0.9375f, 0.03125f, -0.390625f, 1.0f});
  CHECK(t.step() == std::vector<float>{1.1640625f, 0.29296875f, -0.724609375f, 1.125f});
}

TEST_CASE("MomentumConn viscosity: f = exp(-1/tau)", "[learning][momentum]") {
  TinyRun t("groupType = \"MomentumConn\", momentumMethod = \"viscosity\", timeConstantTau = 2, momentumDecay = 0.125");
  // Worked in double with f = e^(-1/2); the code rounds f and every step to float, hence the tolerance.
  const std::vector<double> w1{0.8309693402873666, -0.022015329856316712, -0.2840943402873666, 0.9733673350718417};
  const std::vector<double> w2{1.0262085601324389, 0.21738361383417987, -0.5950781429224884, 1.0322775605027634};
  for (const auto& expected : {w1, w2}) {
    const std::vector<float> w = t.step();
    for (std::size_t i = 0; i < 4; ++i) CHECK(w[i] == Approx(expected[i]).margin(1e-6));
  }
}

TEST_CASE("momentum factors of each method", "[learning][momentum]") {
  CHECK(momentum_rule(MomentumMethod::Viscosity, 100, 0.5, 0.25f).dw_factor == std::exp(-1.0f / 100.0f));
  CHECK(momentum_rule(MomentumMethod::Viscosity, 100, 0.5, 0.25f).w_factor == 0.5f);
  CHECK(momentum_rule(MomentumMethod::Viscosity, 0, 0, 1.0f).dw_factor == 0.0f);  // tau 0: no momentum, as in OpenPV
  CHECK(momentum_rule(MomentumMethod::Simple, 0.25, 0.5, 0.25f).dw_factor == 0.25f);
  CHECK(momentum_rule(MomentumMethod::Simple, 0.25, 0.5, 0.25f).w_factor == 0.5f);
  CHECK(momentum_rule(MomentumMethod::Alex, 0.9, 0.5, 0.25f).dw_factor == 0.9f);
  CHECK(momentum_rule(MomentumMethod::Alex, 0.9, 0.5, 0.25f).w_factor == 0.125f);
}
