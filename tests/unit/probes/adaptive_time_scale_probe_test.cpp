// AdaptiveTimeScaleProbe and KneeTimeScaleProbe as probes: reading the energy of the previous step at the start of
// each step, resetting on the trigger, serving LCA layers through TimeScaleSource, their lines and their errors.
#include "probes/adaptive_time_scale_probe.hpp"

#include <cmath>

#include "core/column.hpp"
#include "probe_test_net.hpp"
#include "probes/column_energy_probe.hpp"

using namespace spv;
using namespace spv::test;

namespace {

// Energy = L1 norm of L, set to `energy` by one neuron.
void set_energy(Net& net, float energy) {
  std::vector<float> a(6, 0.0f);
  a[4] = energy;
  net.set_a("L", 0, a);
}

void timescale_net(Net& net, const Entries& extra) {
  // Fires at t + 3 = 4, 8, ...: at t = 1 and t = 5, as an input with displayPeriod 4 does.
  net.add(group("TestPeriodicLayer", "input", {{"period", num(4)}}));
  net.layer("L", 1);
  net.add(group("ColumnEnergyProbe", "energy", {}));
  net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}, {"energyProbe", str("energy")}}));
  Entries e{{"targetName", str("energy")}, {"triggerLayerName", str("input")},
            {"triggerOffset", num(3)},     {"baseMin", num(1)},
            {"baseMax", num(2)},           {"tauFactor", num(0.5)},
            {"growthFactor", num(0.25)},   {"probeOutputFile", str("timescales.txt")}};
  e.insert(e.end(), extra.begin(), extra.end());
  net.add(group("AdaptiveTimeScaleProbe", "ts", e));
}

}  // namespace

TEST_CASE("timescale follows the energy of the previous steps and resets on the trigger", "[probes][timescale]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(3, 2, 1);
  timescale_net(net, {{"writeTimeScaleFieldnames", boolean(false)}});
  net.build(&out);
  auto& ts = net.get<TimeScaleProbeBase>("ts");
  const TimeScaleSource& source = ts;
  CHECK(source.timescale(0) == 1.0);

  // energy after each step, and the timescale used in that step (computed at its start)
  const std::vector<float> energies{100, 90, 89, 89, 50, 40};
  const std::vector<double> expected{1.0, 1.0, 2.0, 2.5, 1.0, 1.0};
  for (long step = 1; step <= 6; ++step) {
    set_energy(net, energies[std::size_t(step - 1)]);
    net.step(step);
    CHECK(source.timescale(0) == expected[std::size_t(step - 1)]);
    CHECK(ts.values()[0] == expected[std::size_t(step - 1)]);
  }
  net.finish();
  out.commit();
  CHECK(read_file(dir.path() / "timescales_batchElement_0.txt") ==
        "time,index,timeScale,timeScaleTrue,timeScaleMax\n"
        "1.000000, 0, 1.00000000, -1.00000000, 2.00000000\n"    // trigger: -1 equals the initial -1
        "2.000000, 0, 1.00000000, 100.00000000, 2.00000000\n"   // previous -1 <= 0: reset
        "3.000000, 0, 2.00000000, 90.00000000, 2.50000000\n"    // 0.5 * 100 / 10 = 5, capped at 2
        "4.000000, 0, 2.50000000, 89.00000000, 3.12500000\n"    // capped at 2.5
        "5.000000, 0, 1.00000000, -1.00000000, 2.00000000\n"    // trigger
        "6.000000, 0, 1.00000000, 50.00000000, 2.00000000\n");  // previous -1: reset
}

TEST_CASE("timescale lines with field names (OpenPV's default)", "[probes][timescale][format]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(3, 2, 1);
  timescale_net(net, {});
  net.build(&out);
  set_energy(net, 100);
  net.step(1);
  net.finish();
  out.commit();
  CHECK(read_file(dir.path() / "timescales_batchElement_0.txt") ==
        "time,index,timeScale,timeScaleTrue,timeScaleMax\n"
        "sim_time = 1.000000\n"
        "\tbatch = 0, timeScale = 1.00000000, timeScaleTrue = -1.00000000, timeScaleMax = 2.00000000\n");
}

TEST_CASE("KneeTimeScaleProbe with the LCA tutorial's keys writes the header line and the documented first line",
          "[probes][timescale]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(3, 2, 1);
  net.add(group("TestPeriodicLayer", "Input", {{"period", num(1)}}));
  net.layer("L", 1);
  net.add(group("ColumnEnergyProbe", "V1EnergyProbe", {{"probeOutputFile", str("V1EnergyProbe.txt")}}));
  net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}, {"energyProbe", str("V1EnergyProbe")}}));
  net.add(group("KneeTimeScaleProbe", "AdaptiveTimeScales",
                {{"targetName", str("V1EnergyProbe")},
                 {"message", ParamValue::nil()},
                 {"textOutputFlag", boolean(true)},
                 {"probeOutputFile", str("AdaptiveTimeScales.txt")},
                 {"triggerLayerName", str("Input")},
                 {"triggerOffset", num(0)},
                 {"baseMax", num(0.06)},
                 {"baseMin", num(0.05)},
                 {"tauFactor", num(0.03)},
                 {"growthFactor", num(0.025)},
                 {"writeTimeScalesFieldnames", boolean(false)},  // the tutorial's spelling, a legacy alias
                 {"kneeThresh", num(3.4)},
                 {"kneeSlope", num(0.01)}}));
  net.build(&out);
  net.step(1);
  net.finish();
  out.commit();
  CHECK(read_file(dir.path() / "AdaptiveTimeScales_batchElement_0.txt") ==
        "time,index,timeScale,timeScaleTrue,timeScaleMax\n"
        "1.000000, 0, 0.05000000, -1.00000000, 0.06000000\n");
  auto effective = net.get<Object>("AdaptiveTimeScales").effective_params();
  REQUIRE(effective.find("writeTimeScaleFieldnames") != nullptr);
  CHECK(effective.find("writeTimeScaleFieldnames")->value == boolean(false));
}

TEST_CASE("without a trigger the first step sees a zero energy, as in OpenPV", "[probes][timescale]") {
  Net net(3, 2, 2);
  net.layer("L", 1);
  net.add(group("ColumnEnergyProbe", "energy", {}));
  net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}, {"energyProbe", str("energy")}}));
  net.add(group("AdaptiveTimeScaleProbe", "ts",
                {{"targetName", str("energy")}, {"baseMin", num(0.5)}, {"baseMax", num(0.75)}}));
  net.build();
  net.step(1);
  const auto& state = net.get<TimeScaleProbeBase>("ts").state();
  REQUIRE(state.size() == 2);
  CHECK(state[1].timescale == 0.5);
  CHECK(state[1].timescale_true == 0.0);
  CHECK(state[1].timescale_max == 0.75);
}

TEST_CASE("timescale probe errors", "[probes][timescale][errors]") {
  Net net(3, 2, 1);
  net.layer("L", 1);
  SECTION("a target without batch values") {
    net.add(group("StatsProbe", "stats", {{"targetLayer", str("L")}}));
    net.add(group("AdaptiveTimeScaleProbe", "ts", {{"targetName", str("stats")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.key() == "targetName");
    }
  }
  SECTION("a target that is not a probe") {
    net.add(group("AdaptiveTimeScaleProbe", "ts", {{"targetName", str("L")}}));
    CHECK_THROWS_WITH(net.build(), Catch::Contains("not a probe"));
  }
  SECTION("no targetName") {
    CHECK_THROWS_WITH(net.add(group("KneeTimeScaleProbe", "ts", {})), Catch::Contains("required"));
  }
  SECTION("a zero baseMin") {
    CHECK_THROWS_AS(net.add(group("AdaptiveTimeScaleProbe", "ts", {{"targetName", str("x")}, {"baseMin", num(0)}})),
                    ParamError);
  }
  SECTION("ordered after its target") {
    auto& ts = net.add(group("AdaptiveTimeScaleProbe", "ts", {{"targetName", str("energy")}}));
    CHECK(ts.dependencies() == std::vector<std::string>{"energy"});
  }
}

TEST_CASE("an LCA layer integrates with the probe's timescale as its step", "[probes][timescale][column]") {
  ParamDocument doc;
  doc.path = "test.params";
  doc.groups = {
      group("HyPerCol", "column", {{"nx", num(4)}, {"ny", num(4)}, {"stopTime", num(3)}}),
      group("HyPerLCALayer", "V1",
            {{"nf", num(1)},
             {"InitVType", str("ConstantV")},
             {"valueV", num(1)},
             {"VThresh", num(0.5)},
             {"AMin", num(0)},
             {"AShift", num(0)},
             {"timeConstantTau", num(100)},
             {"selfInteract", boolean(false)},
             {"adaptiveTimeScaleProbe", str("ts")}}),
      group("ColumnEnergyProbe", "energy", {}),
      group("L1NormProbe", "l1", {{"targetLayer", str("V1")}, {"energyProbe", str("energy")}}),
      group("AdaptiveTimeScaleProbe", "ts",
            {{"targetName", str("energy")},
             {"baseMin", num(0.05)},
             {"baseMax", num(0.06)},
             {"tauFactor", num(0.03)},
             {"growthFactor", num(0.025)}}),
  };
  LocalCommunicator comm;
  ColumnOptions options;
  options.show_progress = false;
  Column column(doc, test_registry(), options, comm);
  column.initialize();
  column.run();
  // Steps 1 and 2 reset to baseMin (energies 0 then the first positive one); step 3 sees the energy fall by the
  // factor e^(-0.05/100), so tauFactor * E_0 * h / (E_0 - E_dt) is about 3, capped at baseMax.
  const auto* lca = dynamic_cast<const Layer*>(column.objects().find("V1"));
  REQUIRE(lca != nullptr);
  CHECK(lca->V()[5] == Approx(std::exp(-(0.05 + 0.05 + 0.06) / 100.0)).epsilon(1e-6));
  const auto* ts = dynamic_cast<const TimeScaleProbeBase*>(column.objects().find("ts"));
  CHECK(ts->state()[0].timescale == 0.06);
  CHECK(ts->state()[0].timescale_max == Approx(0.06 * 1.025));
}
