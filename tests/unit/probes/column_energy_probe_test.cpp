// ColumnEnergyProbe: the sum of its members' values (coefficient applied), whatever order probes are sampled in or
// groups are written in, also for members whose own trigger does not fire; and its errors.
#include "probes/column_energy_probe.hpp"

#include <algorithm>
#include <random>

#include "core/column.hpp"
#include "probe_test_net.hpp"
#include "probes/l1_norm_probe.hpp"
#include "probes/l2_norm_probe.hpp"

using namespace spv;
using namespace spv::test;

namespace {

// Members named to sort before ("a_...") and after ("z_...") the energy probe "m_energy".
void energy_net(Net& net, const Entries& member_extra = {}) {
  net.layer("L", 2);
  net.add(group("ColumnEnergyProbe", "m_energy", {}));
  Entries l2{
      {"targetLayer", str("L")}, {"energyProbe", str("m_energy")}, {"exponent", num(2)}, {"coefficient", num(0.5)}};
  l2.insert(l2.end(), member_extra.begin(), member_extra.end());
  net.add(group("L2NormProbe", "z_residual", l2));
  net.add(group("L1NormProbe", "a_sparsity",
                {{"targetLayer", str("L")}, {"energyProbe", str("m_energy")}, {"coefficient", num(0.3)}}));
  net.add(group("L1NormProbe", "bystander", {{"targetLayer", str("L")}}));
}

std::vector<float> values_times(float k) {
  std::vector<float> v(12);
  for (int i = 0; i < 12; ++i) v[std::size_t(i)] = k * float(i - 4);
  return v;
}

}  // namespace

TEST_CASE("energy is the sum of the members' coefficient-weighted values", "[probes][energy]") {
  Net net(3, 2, 1);
  energy_net(net);
  net.build();
  auto& energy = net.get<ColumnEnergyProbe>("m_energy");
  REQUIRE(energy.members().size() == 2);
  CHECK(energy.members()[0]->name() == "a_sparsity");  // summed in name order
  CHECK(energy.members()[1]->name() == "z_residual");
  net.set_a("L", 0, values_times(0.5f));
  net.step(1);
  // sum |a| = 0.5 * 38 = 19, sum a^2 = 0.25 * 170 = 42.5
  CHECK(energy.raw_values()[0] == 0.3 * 19.0 + 0.5 * 42.5);
  CHECK(energy.values()[0] == energy.raw_values()[0]);  // the energy probe's own coefficient is 1
}

TEST_CASE("energy is up to date whatever order probes are sampled in", "[probes][energy]") {
  const std::vector<std::vector<std::string>> orders = {
      {"m_energy", "z_residual", "a_sparsity", "bystander"},
      {"a_sparsity", "z_residual", "m_energy", "bystander"},
      {"a_sparsity", "m_energy", "z_residual", "bystander"},
  };
  std::vector<double> results;
  for (const auto& order : orders) {
    Net net(3, 2, 1);
    energy_net(net);
    net.build();
    for (long step = 1; step <= 3; ++step) {
      net.set_a("L", 0, values_times(float(step)));
      net.step(step, order);
      const double expected =
          net.get<L1NormProbeBase>("a_sparsity").values()[0] + net.get<L2NormProbe>("z_residual").values()[0];
      CHECK(net.get<ColumnEnergyProbe>("m_energy").raw_values()[0] == expected);
    }
    results.push_back(net.get<ColumnEnergyProbe>("m_energy").raw_values()[0]);
  }
  CHECK(results[0] == results[1]);
  CHECK(results[1] == results[2]);
  CHECK(results[0] == 0.3 * 3.0 * 38.0 + 0.5 * 9.0 * 170.0);
}

TEST_CASE("a member whose trigger does not fire still counts with this step's value", "[probes][energy]") {
  Net net(3, 2, 1);
  net.add(group("TestPeriodicLayer", "trigger", {{"period", num(5)}}));
  energy_net(net, {{"triggerLayerName", str("trigger")}});
  net.build();
  net.set_a("L", 0, values_times(2.0f));
  net.step(1);
  // The member did not sample itself (no trigger at t = 1), but the energy asked it for its value.
  CHECK(net.get<L2NormProbe>("z_residual").raw_values()[0] == 4.0 * 170.0);
  CHECK(net.get<ColumnEnergyProbe>("m_energy").raw_values()[0] == 0.3 * 76.0 + 0.5 * 4.0 * 170.0);
}

TEST_CASE("energy probe errors", "[probes][energy][errors]") {
  Net net(3, 2, 1);
  net.layer("L", 2);
  SECTION("a member without one value per batch element") {
    net.add(group("ColumnEnergyProbe", "E", {}));
    net.add(group("StatsProbe", "s", {{"targetLayer", str("L")}, {"energyProbe", str("E")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.group() == "s");
      CHECK(e.key() == "energyProbe");
    }
  }
  SECTION("energy probes adding into each other") {
    net.add(group("ColumnEnergyProbe", "E1", {{"energyProbe", str("E2")}}));
    net.add(group("ColumnEnergyProbe", "E2", {{"energyProbe", str("E1")}}));
    CHECK_THROWS_WITH(net.build(), Catch::Contains("cycle"));
  }
  SECTION("a missing energy probe") {
    net.add(group("L2NormProbe", "p", {{"targetLayer", str("L")}, {"energyProbe", str("E")}}));
    CHECK_THROWS_WITH(net.build(), Catch::Contains("no group of that name"));
  }
}

TEST_CASE("nested energy probes add the inner energy times its coefficient", "[probes][energy]") {
  Net net(3, 2, 1);
  net.layer("L", 2);
  net.add(group("ColumnEnergyProbe", "outer", {}));
  net.add(group("ColumnEnergyProbe", "inner", {{"energyProbe", str("outer")}, {"coefficient", num(2)}}));
  net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}, {"energyProbe", str("inner")}}));
  net.build();
  net.set_a("L", 0, values_times(1.0f));
  net.step(1);
  CHECK(net.get<ColumnEnergyProbe>("inner").raw_values()[0] == 38.0);
  CHECK(net.get<ColumnEnergyProbe>("outer").raw_values()[0] == 76.0);
}

namespace {

ParamDocument shuffled_document(unsigned seed) {
  ParamDocument doc;
  doc.path = "test.params";
  doc.groups = {
      group("HyPerCol", "column", {{"nx", num(8)}, {"ny", num(4)}, {"nbatch", num(2)}, {"stopTime", num(3)}}),
      group("ConstantLayer", "Residual",
            {{"nf", num(3)}, {"InitVType", str("UniformRandomV")}, {"minV", num(-1)}, {"maxV", num(1)}}),
      group("ConstantLayer", "Code",
            {{"nf", num(4)}, {"nxScale", num(0.5)}, {"nyScale", num(0.5)}, {"InitVType", str("UniformRandomV")}}),
      group("ColumnEnergyProbe", "Energy", {}),
      group("L2NormProbe", "ResidualNorm",
            {{"targetLayer", str("Residual")},
             {"energyProbe", str("Energy")},
             {"coefficient", num(0.5)},
             {"exponent", num(2)}}),
      group("L1NormProbe", "CodeNorm",
            {{"targetLayer", str("Code")}, {"energyProbe", str("Energy")}, {"coefficient", num(0.55)}}),
      group("L0NormProbe", "ZCount", {{"targetLayer", str("Code")}, {"energyProbe", str("Energy")}}),
  };
  std::shuffle(doc.groups.begin(), doc.groups.end(), std::mt19937(seed));
  return doc;
}

std::vector<double> energy_after_run(unsigned seed) {
  LocalCommunicator comm;
  ColumnOptions options;
  options.show_progress = false;
  Column column(shuffled_document(seed), test_registry(), options, comm);
  column.initialize();
  column.run();
  const auto* energy = dynamic_cast<const ColumnEnergyProbe*>(column.objects().find("Energy"));
  REQUIRE(energy != nullptr);
  const auto& members = energy->members();
  REQUIRE(members.size() == 3);
  std::vector<double> expected(2, 0.0);
  for (const BaseProbe* m : members)
    for (int b = 0; b < 2; ++b) expected[std::size_t(b)] += m->values()[std::size_t(b)];
  CHECK(energy->raw_values() == expected);
  return energy->raw_values();
}

}  // namespace

TEST_CASE("a column's energy does not depend on the order of the groups in the file", "[probes][energy][column]") {
  const std::vector<double> first = energy_after_run(1);
  CHECK(first[0] > 0.0);
  CHECK(first[0] != first[1]);
  for (unsigned seed : {2u, 3u, 4u}) CHECK(energy_after_run(seed) == first);
}
