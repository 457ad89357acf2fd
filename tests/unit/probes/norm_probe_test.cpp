// L2, L1, L1NormLCA and L0 norm probes: values over the layer interior (never the halo), exponents, coefficients,
// thresholds, masks, triggers, and their errors.
#include <cmath>

#include "probe_test_net.hpp"
#include "probes/l0_norm_lca_probe.hpp"
#include "probes/l0_norm_probe.hpp"
#include "probes/l1_norm_lca_probe.hpp"
#include "probes/l1_norm_probe.hpp"
#include "probes/l2_norm_probe.hpp"

using namespace spv;
using namespace spv::test;

namespace {

// 3 x 2 x 2 = 12 neurons. Batch 0: (i - 5) / 4 for neuron i, so sum a^2 = 146 / 16 = 9.125 and sum |a| = 36 / 4 = 9;
// seven have |a| > 0.6. Batch 1: all 2.
std::vector<float> ramp() {
  std::vector<float> v(12);
  for (int i = 0; i < 12; ++i) v[std::size_t(i)] = float(i - 5) * 0.25f;
  return v;
}
const std::vector<float> twos(12, 2.0f);

void setup(Net& net) {
  net.layer("L", 2, Halo{1, 1, 1, 1});  // a halo, filled with 1000 by set_a, that no probe may read
}

void fill(Net& net) {
  net.set_a("L", 0, ramp());
  net.set_a("L", 1, twos);
}

}  // namespace

TEST_CASE("L2NormProbe: (sum A^2)^(exponent/2) times the coefficient, per batch element", "[probes][norm]") {
  Net net(3, 2, 2);
  setup(net);
  net.add(group("L2NormProbe", "norm", {{"targetLayer", str("L")}}));
  net.add(
      group("L2NormProbe", "squared", {{"targetLayer", str("L")}, {"exponent", num(2)}, {"coefficient", num(0.5)}}));
  net.add(group("L2NormProbe", "cubed", {{"targetLayer", str("L")}, {"exponent", num(3)}}));
  net.build();
  fill(net);
  net.step(1);
  auto& norm = net.get<L2NormProbe>("norm");
  CHECK(norm.raw_values() == std::vector<double>{std::sqrt(9.125), std::sqrt(48.0)});
  CHECK(norm.values() == norm.raw_values());  // coefficient 1
  auto& squared = net.get<L2NormProbe>("squared");
  CHECK(squared.raw_values() == std::vector<double>{9.125, 48.0});
  CHECK(squared.values() == std::vector<double>{4.5625, 24.0});
  CHECK(net.get<L2NormProbe>("cubed").raw_values()[0] == Approx(std::pow(9.125, 1.5)).epsilon(1e-15));
}

TEST_CASE("L1NormProbe and L0NormProbe", "[probes][norm]") {
  Net net(3, 2, 2);
  setup(net);
  net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}, {"coefficient", num(0.25)}}));
  net.add(group("L0NormProbe", "l0", {{"targetLayer", str("L")}, {"nnzThreshold", num(0.6)}}));
  net.add(group("L0NormProbe", "l0_default", {{"targetLayer", str("L")}}));
  net.build();
  fill(net);
  net.step(1);
  CHECK(net.get<L1NormProbeBase>("l1").raw_values() == std::vector<double>{9.0, 24.0});
  CHECK(net.get<L1NormProbeBase>("l1").values() == std::vector<double>{2.25, 6.0});
  CHECK(net.get<L0NormProbe>("l0").raw_values() == std::vector<double>{7.0, 12.0});
  CHECK(net.get<L0NormProbe>("l0_default").raw_values() == std::vector<double>{11.0, 12.0});  // one zero in the ramp
}

TEST_CASE("values follow the layer from step to step", "[probes][norm]") {
  Net net(3, 2, 1);
  setup(net);
  net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}}));
  net.build();
  net.set_a("L", 0, ramp());
  net.step(1);
  CHECK(net.get<L1NormProbeBase>("l1").raw_values()[0] == 9.0);
  net.set_a("L", 0, twos);
  net.step(2);
  CHECK(net.get<L1NormProbeBase>("l1").raw_values()[0] == 24.0);
}

TEST_CASE("L1NormLCAProbe takes its coefficient from the target's VThresh", "[probes][norm]") {
  Net net(3, 2, 1);
  net.add(group("ANNLayer", "T", {{"nf", num(2)}, {"VThresh", num(0.4)}, {"AMin", num(0)}}));
  net.add(group("L1NormLCAProbe", "sparsity", {{"targetLayer", str("T")}}));
  net.build();
  net.set_a("T", 0, ramp());
  net.step(1);
  auto& p = net.get<L1NormLCAProbe>("sparsity");
  CHECK(p.coefficient() == 0.4);
  CHECK(p.raw_values()[0] == 9.0);
  CHECK(p.values()[0] == 0.4 * 9.0);
  CHECK(p.effective_params().find("coefficient") == nullptr);  // not a key of this type
}

TEST_CASE("L0NormLCAProbe counts |A| > VThresh with coefficient VThresh^2 / 2", "[probes][norm]") {
  Net net(3, 2, 1);
  net.add(group("ANNLayer", "T", {{"nf", num(2)}, {"VThresh", num(0.6)}, {"AMin", num(0)}}));
  net.add(group("L0NormLCAProbe", "cost", {{"targetLayer", str("T")}}));
  net.build();
  net.set_a("T", 0, ramp());  // (i - 5) / 4: seven of the twelve have |a| > 0.6
  net.step(1);
  auto& p = net.get<L0NormLCAProbe>("cost");
  CHECK(p.raw_values()[0] == 7.0);
  CHECK(p.coefficient() == 0.5 * 0.6 * 0.6);
  CHECK(p.values()[0] == 7.0 * (0.5 * 0.6 * 0.6));
  CHECK(p.effective_params().find("nnzThreshold") == nullptr);  // the threshold is VThresh
  CHECK(p.effective_params().find("coefficient") == nullptr);
}

TEST_CASE("L0NormLCAProbe needs a target with a finite VThresh", "[probes][norm][errors]") {
  Net net(3, 2, 1);
  setup(net);
  net.add(group("L0NormLCAProbe", "cost", {{"targetLayer", str("L")}}));
  try {
    net.build();
    FAIL("no error");
  } catch (const ParamError& e) {
    CHECK(e.key() == "targetLayer");
    CHECK_THAT(e.message(), Catch::Contains("no VThresh") && Catch::Contains("L0NormLCAProbe"));
  }
}

TEST_CASE("L1NormLCAProbe errors", "[probes][norm][errors]") {
  SECTION("a target without VThresh") {
    Net net(3, 2, 1);
    setup(net);
    net.add(group("L1NormLCAProbe", "sparsity", {{"targetLayer", str("L")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.key() == "targetLayer");
      CHECK_THAT(e.message(), Catch::Contains("no VThresh"));
    }
  }
  SECTION("a target whose VThresh is -infinity") {
    Net net(3, 2, 1);
    net.add(group("ANNLayer", "T", {{"nf", num(2)}}));
    net.add(group("L1NormLCAProbe", "sparsity", {{"targetLayer", str("T")}}));
    CHECK_THROWS_WITH(net.build(), Catch::Contains("needs a finite one"));
  }
  SECTION("a coefficient key") {
    Net net(3, 2, 1);
    setup(net);
    try {
      net.add(group("L1NormLCAProbe", "sparsity", {{"targetLayer", str("L")}, {"coefficient", num(2)}}));
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.key() == "coefficient");
      CHECK_THAT(e.message(), Catch::Contains("derives"));
    }
  }
}

TEST_CASE("norm probes count only where the mask's activity is non-zero", "[probes][norm][mask]") {
  Net net(3, 2, 1);
  setup(net);
  net.layer("M1", 1, Halo{2, 0, 0, 1});  // one feature: masks every feature at a position
  net.layer("M2", 2);                    // the target's features: masks neuron by neuron
  net.add(group("L2NormProbe", "by_position",
                {{"targetLayer", str("L")}, {"exponent", num(2)}, {"maskLayerName", str("M1")}}));
  net.add(group("L1NormProbe", "by_neuron", {{"targetLayer", str("L")}, {"maskLayerName", str("M2")}}));
  net.build();
  net.set_a("L", 0, ramp());
  // Positions (0,0) and (2,1): neurons 0, 1 (-1.25, -1) and 10, 11 (1.25, 1.5).
  net.set_a("M1", 0, {1, 0, 0, 0, 0, -3});
  // Neurons 3 and 6: -0.5 and 0.25.
  std::vector<float> m2(12, 0.0f);
  m2[3] = 1;
  m2[6] = 0.5f;
  net.set_a("M2", 0, m2);
  net.step(1);
  CHECK(net.get<L2NormProbe>("by_position").raw_values()[0] == 1.5625 + 1.0 + 1.5625 + 2.25);
  CHECK(net.get<L1NormProbeBase>("by_neuron").raw_values()[0] == 0.75);
}

TEST_CASE("a mask must match the target's size", "[probes][norm][mask][errors]") {
  Net net(3, 2, 1);
  setup(net);
  net.add(group("ConstantLayer", "wide", {{"nf", num(2)}, {"nxScale", num(2)}}));
  net.layer("three_features", 3);
  SECTION("different nx") {
    net.add(group("L2NormProbe", "p", {{"targetLayer", str("L")}, {"maskLayerName", str("wide")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.key() == "maskLayerName");
      CHECK_THAT(e.message(), Catch::Contains("6x2x2") && Catch::Contains("3x2x2"));
    }
  }
  SECTION("nf neither 1 nor the target's") {
    net.add(group("L2NormProbe", "p", {{"targetLayer", str("L")}, {"maskLayerName", str("three_features")}}));
    CHECK_THROWS_AS(net.build(), ParamError);
  }
  SECTION("a missing mask") {
    net.add(group("L2NormProbe", "p", {{"targetLayer", str("L")}, {"maskLayerName", str("nope")}}));
    CHECK_THROWS_WITH(net.build(), Catch::Contains("no group of that name"));
  }
}

TEST_CASE("probes order after their target, mask and trigger, never after their energy probe", "[probes][norm]") {
  Net net(3, 2, 1);
  auto& p = net.add(group("L2NormProbe", "p",
                          {{"targetLayer", str("L")},
                           {"maskLayerName", str("M")},
                           {"triggerLayerName", str("T")},
                           {"energyProbe", str("E")}}));
  auto deps = p.dependencies();
  std::sort(deps.begin(), deps.end());
  CHECK(deps == std::vector<std::string>{"L", "M", "T"});
}

TEST_CASE("target errors name the group and key", "[probes][errors]") {
  Net net(3, 2, 1);
  setup(net);
  SECTION("a missing layer") {
    net.add(group("L2NormProbe", "p", {{"targetLayer", str("Lx")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.group() == "p");
      CHECK(e.key() == "targetLayer");
      CHECK(e.where().line == 2);
      CHECK_THAT(e.message(), Catch::Contains("no group of that name") && Catch::Contains("did you mean \"L\""));
    }
  }
  SECTION("not a layer") {
    net.add(group("L2NormProbe", "q", {{"targetLayer", str("L")}}));
    net.add(group("L2NormProbe", "p", {{"targetLayer", str("q")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.key() == "targetLayer");
      CHECK_THAT(e.message(), Catch::Contains("L2NormProbe, not a layer"));
    }
  }
  SECTION("an energyProbe that is not a ColumnEnergyProbe") {
    net.add(group("L2NormProbe", "q", {{"targetLayer", str("L")}}));
    net.add(group("L2NormProbe", "p", {{"targetLayer", str("L")}, {"energyProbe", str("q")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.key() == "energyProbe");
      CHECK_THAT(e.message(), Catch::Contains("not a ColumnEnergyProbe"));
    }
  }
  SECTION("a trigger that is not a layer") {
    net.add(group("L2NormProbe", "q", {{"targetLayer", str("L")}}));
    net.add(group("L2NormProbe", "p", {{"targetLayer", str("L")}, {"triggerLayerName", str("q")}}));
    CHECK_THROWS_WITH(net.build(), Catch::Contains("triggerLayerName") || Catch::Contains("not a layer"));
  }
  SECTION("an absolute probeOutputFile") {
    try {
      net.add(group("L2NormProbe", "p", {{"targetLayer", str("L")}, {"probeOutputFile", str("/tmp/x.txt")}}));
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.key() == "probeOutputFile");
      CHECK_THAT(e.message(), Catch::Contains("relative to the output directory"));
    }
  }
  SECTION("a negative triggerOffset") {
    CHECK_THROWS_AS(net.add(group("L2NormProbe", "p", {{"targetLayer", str("L")}, {"triggerOffset", num(-1)}})),
                    ParamError);
  }
}
