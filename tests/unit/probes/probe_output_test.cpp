// Probe text files: OpenPV's per-batch names, the exact norm and energy line layouts, which steps write, and when
// nothing is written.
#include "probes/probe_output.hpp"

#include "probe_test_net.hpp"

using namespace spv;
using namespace spv::test;

TEST_CASE("per-batch file names keep the directory and the extension", "[probes][output]") {
  CHECK(batch_element_file_name("V1EnergyProbe.txt", 0) == "V1EnergyProbe_batchElement_0.txt");
  CHECK(batch_element_file_name("probes/energy.txt", 12) == "probes/energy_batchElement_12.txt");
  CHECK(batch_element_file_name("energy.csv", 1) == "energy_batchElement_1.csv");
  CHECK(batch_element_file_name("energy", 3) == "energy_batchElement_3");
}

TEST_CASE("format_text is printf", "[probes][output]") {
  CHECK(format_text("%6.3f, %d, %8d, %f", 1.0, 0, 3072, 3072.110546) == " 1.000, 0,     3072, 3072.110546");
  CHECK(format_text("%10f, %d, %10.9f", 1.0, 0, 1537.510085817) == "  1.000000, 0, 1537.510085817");
  CHECK(format_text("%s", std::string(300, 'x').c_str()).size() == 300);
}

TEST_CASE("ProbeOutput::print writes printf lines to the batch element's file, however long", "[probes][output]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  ProbeOutput files;
  files.open(out, "p.txt", {0, 2}, "head");
  files.print(0, "%6.3f, %d\n", 1.0, 0);
  files.print(2, "%s\n", std::string(300, 'x').c_str());  // longer than the first line buffer
  files.print(2, "%d\n", 7);
  files.print(1, "%d\n", 1);  // no file for batch element 1
  files.close();
  out.commit();
  CHECK(read_file(dir.path() / "p_batchElement_0.txt") == "head\n 1.000, 0\n");
  CHECK(read_file(dir.path() / "p_batchElement_2.txt") == "head\n" + std::string(300, 'x') + "\n7\n");
  CHECK(!std::filesystem::exists(dir.path() / "p_batchElement_1.txt"));
}

namespace {

// L holds 3 x 2 x 2 neurons of 0.5 in batch 0 and 1.5 in batch 1: sum a^2 = 3 and 27.
void norm_and_energy(Net& net, const Entries& l2_extra = {}) {
  net.add(group("TestPeriodicLayer", "input", {{"period", num(2)}}));
  net.layer("L", 2);
  net.add(group("ColumnEnergyProbe", "energy", {{"probeOutputFile", str("energy.txt")}}));
  Entries l2{{"targetLayer", str("L")},
             {"exponent", num(2)},
             {"coefficient", num(0.5)},
             {"energyProbe", str("energy")},
             {"probeOutputFile", str("norms/residual.txt")}};
  l2.insert(l2.end(), l2_extra.begin(), l2_extra.end());
  net.add(group("L2NormProbe", "residual", l2));
}

void run(Net& net, long steps) {
  for (long s = 1; s <= steps; ++s) {
    net.set_a("L", 0, std::vector<float>(12, 0.5f));
    net.set_a("L", 1, std::vector<float>(12, 1.5f));
    net.step(s);
  }
  net.finish();
}

}  // namespace

TEST_CASE("norm and energy files: a header line, then OpenPV's lines, one file per batch element, from the first step",
          "[probes][output]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(3, 2, 2);
  norm_and_energy(net);
  net.build(&out);
  run(net, 2);
  out.commit();
  // The norm file shows the norm itself; the energy adds it times the coefficient.
  CHECK(read_file(dir.path() / "norms/residual_batchElement_0.txt") ==
        "time,index,neurons,norm\n"
        " 1.000, 0,       12, 3.000000\n"
        " 2.000, 0,       12, 3.000000\n");
  CHECK(read_file(dir.path() / "norms/residual_batchElement_1.txt") ==
        "time,index,neurons,norm\n"
        " 1.000, 1,       12, 27.000000\n"
        " 2.000, 1,       12, 27.000000\n");
  CHECK(read_file(dir.path() / "energy_batchElement_0.txt") ==
        "time,index,energy\n"
        "  1.000000, 0, 1.500000000\n"
        "  2.000000, 0, 1.500000000\n");
  CHECK(read_file(dir.path() / "energy_batchElement_1.txt") ==
        "time,index,energy\n"
        "  1.000000, 1, 13.500000000\n"
        "  2.000000, 1, 13.500000000\n");
}

TEST_CASE("a triggered probe writes only on the steps its trigger fires", "[probes][output]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(3, 2, 1);
  norm_and_energy(net, {{"triggerLayerName", str("input")}});
  net.build(&out);
  run(net, 5);
  out.commit();
  CHECK(read_file(dir.path() / "norms/residual_batchElement_0.txt") ==
        "time,index,neurons,norm\n"
        " 2.000, 0,       12, 3.000000\n"
        " 4.000, 0,       12, 3.000000\n");
  // The energy, untriggered, still writes every step with its member's current value.
  CHECK(read_file(dir.path() / "energy_batchElement_0.txt") ==
        "time,index,energy\n"
        "  1.000000, 0, 1.500000000\n  2.000000, 0, 1.500000000\n  3.000000, 0, 1.500000000\n"
        "  4.000000, 0, 1.500000000\n  5.000000, 0, 1.500000000\n");
}

TEST_CASE("triggerOffset looks ahead of the trigger layer", "[probes][output]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(3, 2, 1);
  norm_and_energy(net, {{"triggerLayerName", str("input")}, {"triggerOffset", num(1)}});
  net.build(&out);
  run(net, 4);
  out.commit();
  CHECK(read_file(dir.path() / "norms/residual_batchElement_0.txt") ==
        "time,index,neurons,norm\n"
        " 1.000, 0,       12, 3.000000\n"
        " 3.000, 0,       12, 3.000000\n");
}

TEST_CASE("no file without probeOutputFile, with textOutputFlag false, or without an output directory",
          "[probes][output]") {
  TempDir dir;
  {
    OutputDirectory out(dir.path() / "out", true);
    out.open();
    Net net(3, 2, 1);
    net.layer("L", 2);
    net.add(group("L2NormProbe", "no_name", {{"targetLayer", str("L")}}));
    net.add(group(
        "L2NormProbe", "silenced",
        {{"targetLayer", str("L")}, {"probeOutputFile", str("silenced.txt")}, {"textOutputFlag", boolean(false)}}));
    net.build(&out);
    net.step(1);
    net.finish();
    out.commit();
    CHECK(std::filesystem::is_empty(dir.path() / "out"));
  }
  Net net(3, 2, 1);
  norm_and_energy(net);
  net.build(nullptr);
  run(net, 1);
  CHECK(std::filesystem::is_empty(dir.path() / "out"));
}
