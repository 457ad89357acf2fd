// StatsProbe, PointProbe and RequireAllZeroActivityProbe: values, OpenPV's line layouts, and errors.
#include "probe_test_net.hpp"
#include "probes/point_probe.hpp"
#include "probes/require_all_zero_activity_probe.hpp"
#include "probes/stats_probe.hpp"

using namespace spv;
using namespace spv::test;

TEST_CASE("StatsProbe: count, total, min, mean, max, sigma and non-zero count of A or V", "[probes][stats]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(2, 2, 1);
  net.layer("L", 1, Halo{1, 1, 1, 1});
  net.add(group("StatsProbe", "a_stats",
                {{"targetLayer", str("L")}, {"probeOutputFile", str("a.txt")}, {"nnzThreshold", num(0.5)}}));
  net.add(group("StatsProbe", "v_stats",
                {{"targetLayer", str("L")},
                 {"buffer", str("MembranePotential")},
                 {"message", str("membrane")},
                 {"probeOutputFile", str("v.txt")}}));
  net.build(&out);
  net.set_a("L", 0, {0.0f, 1.0f, -2.0f, 3.0f});
  net.set_v("L", 0, {0.25f, 0.25f, 0.25f, 0.25f});
  net.step(1);
  const LayerStats& a = net.get<StatsProbeBase>("a_stats").stats()[0];
  CHECK(a.neurons == 4);
  CHECK(a.sum == 2.0);
  CHECK(a.sum_squared == 14.0);
  CHECK(a.min == -2.0f);
  CHECK(a.max == 3.0f);
  CHECK(a.nonzero == 3);
  CHECK(a.mean() == 0.5);
  CHECK(a.sigma() == Approx(std::sqrt(3.25)));
  const LayerStats& v = net.get<StatsProbeBase>("v_stats").stats()[0];
  CHECK(v.sum == 1.0);
  CHECK(v.nonzero == 4);
  net.finish();
  out.commit();
  CHECK(read_file(dir.path() / "a_batchElement_0.txt") ==
        "time,index,N,Total,Min,Avg,Max,sigma,nnz\n"
        "t==   1.0 b==0 N==4 Total==2.000000 Min==-2.000000 Avg==0.500000 Max==3.000000 sigma==1.802776 nnz==3\n");
  CHECK(read_file(dir.path() / "v_batchElement_0.txt") ==
        "time,index,N,Total,Min,Avg,Max,sigma,nnz\n"
        "membrane:t==   1.0 b==0 N==4 Total==1.000000 Min==0.250000 Avg==0.250000 Max==0.250000 sigma==0.000000 "
        "nnz==4\n");
}

TEST_CASE("StatsProbe of a sparse layer's activity reports the mean in Hz, as OpenPV does", "[probes][stats]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(2, 1, 1);
  net.add(group("ConstantLayer", "S", {{"sparseLayer", boolean(true)}}));
  net.add(group("StatsProbe", "s", {{"targetLayer", str("S")}, {"probeOutputFile", str("s.txt")}}));
  net.build(&out);
  net.set_a("S", 0, {0.0f, 0.01f});
  net.step(1);
  net.finish();
  out.commit();
  CHECK_THAT(read_file(dir.path() / "s_batchElement_0.txt"), Catch::Contains("Avg==5.000000 Hz (/dt ms) Max=="));
}

TEST_CASE("StatsProbe errors", "[probes][stats][errors]") {
  Net net(2, 2, 1);
  net.layer("L", 1);
  SECTION("an unknown buffer") {
    CHECK_THROWS_WITH(net.add(group("StatsProbe", "s", {{"targetLayer", str("L")}, {"buffer", str("GSyn")}})),
                      Catch::Contains("MembranePotential"));
  }
  SECTION("V of a layer without one") {
    net.add(group("CloneVLayer", "clone", {{"originalLayerName", str("L")}}));
    net.add(group("StatsProbe", "s", {{"targetLayer", str("clone")}, {"buffer", str("v")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.key() == "buffer");
      CHECK_THAT(e.message(), Catch::Contains("no membrane potential"));
    }
  }
}

TEST_CASE("PointProbe reads one neuron's V and A in global coordinates", "[probes][point]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(3, 2, 2);
  net.layer("L", 2, Halo{1, 1, 1, 1});
  net.add(group("PointProbe", "point",
                {{"targetLayer", str("L")},
                 {"xLoc", num(2)},
                 {"yLoc", num(1)},
                 {"fLoc", num(1)},
                 {"batchLoc", num(1)},
                 {"message", str("here")},
                 {"probeOutputFile", str("point.txt")}}));
  net.build(&out);
  std::vector<float> a(12), v(12);
  for (int i = 0; i < 12; ++i) {
    a[std::size_t(i)] = float(i);
    v[std::size_t(i)] = -float(i) / 8;
  }
  net.set_a("L", 1, a);
  net.set_v("L", 1, v);
  net.set_a("L", 0, std::vector<float>(12, 99.0f));  // another batch element: must not be read
  net.step(1);
  // (x 2, y 1, f 1) is neuron (1 * 3 + 2) * 2 + 1 = 11.
  auto& p = net.get<PointProbe>("point");
  CHECK(p.values() == std::vector<double>{-11.0 / 8, 11.0});
  net.finish();
  out.commit();
  CHECK(read_file(dir.path() / "point_batchElement_1.txt") == "time,V,a\nhere: t=1.0 V=-1.37500 a=11.00000\n");
  CHECK_FALSE(std::filesystem::exists(dir.path() / "point_batchElement_0.txt"));
}

TEST_CASE("PointProbe coordinates outside the layer are errors naming the key and the size",
          "[probes][point][errors]") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"xLoc", "3 columns"}, {"yLoc", "2 rows"}, {"fLoc", "2 features"}, {"batchLoc", "1 batch elements"}};
  for (const auto& [key, size] : cases) {
    Net net(3, 2, 1);
    net.layer("L", 2);
    Entries e{{"targetLayer", str("L")}, {"xLoc", num(0)}, {"yLoc", num(0)}, {"fLoc", num(0)}, {"batchLoc", num(0)}};
    for (auto& [k, value] : e)
      if (k == key) value = num(key == "xLoc" ? 3 : key == "yLoc" ? -1 : key == "fLoc" ? 2 : 1);
    net.add(group("PointProbe", "point", e));
    try {
      net.build();
      FAIL("no error for " + key);
    } catch (const ParamError& err) {
      CHECK(err.key() == key);
      CHECK_THAT(err.message(), Catch::Contains(size) && Catch::Contains("\"L\""));
    }
  }
}

TEST_CASE("RequireAllZeroActivityProbe", "[probes][require_zero]") {
  Net net(2, 2, 1);
  net.layer("L", 1);
  SECTION("fails at once by default, naming the layer and step") {
    net.add(group("RequireAllZeroActivityProbe", "zero", {{"targetLayer", str("L")}, {"nnzThreshold", num(0.1)}}));
    net.build();
    net.set_a("L", 0, {0.0f, 0.05f, -0.1f, 0.0f});  // within the threshold
    CHECK_NOTHROW(net.step(1));
    net.set_a("L", 0, {0.0f, 0.5f, 0.0f, 0.0f});
    CHECK_THROWS_WITH(net.step(2), Catch::Contains("\"L\"") && Catch::Contains("step 2") &&
                                       Catch::Contains("batch element 0 has 1 values"));
  }
  SECTION("fails at the end without immediateExitOnFailure") {
    net.add(group("RequireAllZeroActivityProbe", "zero",
                  {{"targetLayer", str("L")}, {"immediateExitOnFailure", boolean(false)}}));
    net.build();
    net.set_a("L", 0, {0.0f, 0.0f, 0.0f, 2.0f});
    CHECK_NOTHROW(net.step(1));
    net.set_a("L", 0, {0.0f, 0.0f, 0.0f, 0.0f});
    CHECK_NOTHROW(net.step(2));
    CHECK_THROWS_WITH(net.finish(), Catch::Contains("step 1"));
  }
  SECTION("without exitOnFailure the run goes to its end, then fails (as OpenPV's does)") {
    net.add(
        group("RequireAllZeroActivityProbe", "zero", {{"targetLayer", str("L")}, {"exitOnFailure", boolean(false)}}));
    net.build();
    net.set_a("L", 0, {0.0f, -3.0f, 0.0f, 0.0f});
    CHECK_NOTHROW(net.step(1));
    net.set_a("L", 0, {0.0f, 0.0f, 0.0f, 0.0f});
    CHECK_NOTHROW(net.step(2));
    auto& p = net.get<RequireAllZeroActivityProbe>("zero");
    REQUIRE(p.first_failure().has_value());
    CHECK_THAT(*p.first_failure(), Catch::Contains("min -3"));
    CHECK_THROWS_WITH(net.finish(), Catch::Contains("step 1"));
  }
  SECTION("targetName is OpenPV's older spelling of targetLayer") {
    net.add(group("RequireAllZeroActivityProbe", "zero", {{"targetName", str("L")}}));
    net.build();
    net.set_a("L", 0, {0.0f, 0.0f, 5.0f, 0.0f});
    CHECK_THROWS_WITH(net.step(1), Catch::Contains("\"L\""));
  }
  SECTION("reads activity only") {
    CHECK_THROWS_AS(
        net.add(group("RequireAllZeroActivityProbe", "zero", {{"targetLayer", str("L")}, {"buffer", str("V")}})),
        ParamError);
  }
}
