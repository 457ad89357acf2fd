// Probe values and files are identical for every rows x columns x batch split: ranks are played by threads sharing
// a ThreadHub, each building the same small network over its own tile.
#include <map>
#include <thread>

#include "probe_test_net.hpp"
#include "probes/column_energy_probe.hpp"
#include "probes/point_probe.hpp"
#include "probes/stats_probe.hpp"

using namespace spv;
using namespace spv::test;

namespace {

struct Split {
  int rows, columns, batch_width;
};

using Values = std::map<std::string, std::vector<double>>;

const std::vector<std::string> kProbes{"energy", "residual", "code", "count", "timescale", "point_l", "point_c"};

void network(Net& net) {
  net.add(group("ConstantLayer", "L",
                {{"nf", num(3)}, {"InitVType", str("UniformRandomV")}, {"minV", num(-1)}, {"maxV", num(1)}}));
  net.add(group("ConstantLayer", "C",
                {{"nf", num(4)}, {"nxScale", num(0.5)}, {"nyScale", num(0.5)}, {"InitVType", str("UniformRandomV")}}));
  net.add(group("ColumnEnergyProbe", "energy", {{"probeOutputFile", str("energy.txt")}}));
  net.add(group("L2NormProbe", "residual",
                {{"targetLayer", str("L")},
                 {"exponent", num(2)},
                 {"coefficient", num(0.5)},
                 {"energyProbe", str("energy")},
                 {"probeOutputFile", str("residual.txt")}}));
  net.add(group("L1NormProbe", "code",
                {{"targetLayer", str("C")},
                 {"coefficient", num(0.55)},
                 {"energyProbe", str("energy")},
                 {"maskLayerName", str("C")}}));
  net.add(group("L0NormProbe", "count", {{"targetLayer", str("C")}, {"nnzThreshold", num(0.5)}}));
  net.add(group("StatsProbe", "stats", {{"targetLayer", str("L")}, {"probeOutputFile", str("stats.txt")}}));
  net.add(group("AdaptiveTimeScaleProbe", "timescale",
                {{"targetName", str("energy")},
                 {"baseMin", num(0.1)},
                 {"baseMax", num(0.2)},
                 {"probeOutputFile", str("timescale.txt")},
                 {"writeTimeScaleFieldnames", boolean(false)}}));
  net.add(group("PointProbe", "point_l",
                {{"targetLayer", str("L")},
                 {"xLoc", num(5)},
                 {"yLoc", num(3)},
                 {"fLoc", num(2)},
                 {"batchLoc", num(1)},
                 {"probeOutputFile", str("point.txt")}}));
  net.add(
      group("PointProbe", "point_c",
            {{"targetLayer", str("C")}, {"xLoc", num(1)}, {"yLoc", num(0)}, {"fLoc", num(3)}, {"batchLoc", num(0)}}));
}

// Runs the network on every rank of the split; returns each rank's probe values after 3 steps.
std::vector<Values> run_split(const Split& split, const std::filesystem::path& output) {
  const int ranks = split.rows * split.columns * split.batch_width;
  ThreadHub hub(ranks);
  std::vector<Values> values(static_cast<std::size_t>(ranks));
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(ranks));
  std::vector<std::thread> threads;
  for (int r = 0; r < ranks; ++r)
    threads.emplace_back([&, r] {
      try {
        ThreadCommunicator comm(hub, split.rows, split.columns, split.batch_width, r);
        OutputDirectory out(output, comm.is_root());
        Net net(8, 4, 2, &comm);
        network(net);
        net.build(&out);
        for (long s = 1; s <= 3; ++s) net.step(s);
        net.finish();
        out.commit();
        Values& v = values[std::size_t(r)];
        for (const auto& name : kProbes) v[name] = net.get<BaseProbe>(name).raw_values();
        for (const LayerStats& st : net.get<StatsProbeBase>("stats").stats())
          v["stats"].insert(v["stats"].end(), {double(st.neurons), st.sum, st.sum_squared, double(st.min),
                                               double(st.max), double(st.nonzero)});
      } catch (...) {
        errors[std::size_t(r)] = std::current_exception();
      }
    });
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  return values;
}

}  // namespace

TEST_CASE("probe values and files do not depend on the decomposition", "[probes][decomposition]") {
  TempDir serial_dir;
  const Values serial = run_split({1, 1, 1}, serial_dir.path()).at(0);
  REQUIRE(serial.at("energy").size() == 2);
  CHECK(serial.at("energy")[0] != serial.at("energy")[1]);
  CHECK(serial.at("point_l")[1] != 0.0);
  CHECK(serial.at("point_c")[1] != 0.0);
  const std::vector<std::string> files{"energy_batchElement_0.txt",    "energy_batchElement_1.txt",
                                       "residual_batchElement_1.txt",  "stats_batchElement_0.txt",
                                       "timescale_batchElement_1.txt", "point_batchElement_1.txt"};
  for (const Split& split : {Split{2, 1, 1}, Split{1, 2, 1}, Split{2, 2, 1}, Split{1, 1, 2}, Split{2, 2, 2}}) {
    INFO("rows " << split.rows << ", columns " << split.columns << ", batch width " << split.batch_width);
    TempDir dir;
    const std::vector<Values> ranks = run_split(split, dir.path());
    for (const Values& v : ranks) CHECK(v == serial);
    for (const auto& f : files) CHECK(read_file(dir.path() / f) == read_file(serial_dir.path() / f));
  }
}
