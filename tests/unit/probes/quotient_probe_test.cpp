// QuotientProbe: one probe's value over another's, per batch element, before their coefficients; OpenPV's line
// layout; following probes that are themselves refreshed on demand; as an adaptive timescale's target; its errors.
#include "probes/quotient_probe.hpp"

#include <cmath>

#include "probe_test_net.hpp"
#include "probes/adaptive_time_scale_probe.hpp"
#include "probes/l1_norm_probe.hpp"

using namespace spv;
using namespace spv::test;

namespace {

// L holds 3 x 2 x 2 neurons of 0.5 in batch 0 and 1.5 in batch 1: sum |a| = 6 and 18, sum a^2 = 3 and 27.
void ratio_net(Net& net, const Entries& extra = {}) {
  net.layer("L", 2);
  net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}, {"coefficient", num(10)}}));
  net.add(group("L2NormProbe", "l2", {{"targetLayer", str("L")}, {"exponent", num(2)}, {"coefficient", num(0.5)}}));
  Entries q{{"numerator", str("l1")}, {"denominator", str("l2")}};
  q.insert(q.end(), extra.begin(), extra.end());
  net.add(group("QuotientProbe", "ratio", q));
}

void fill(Net& net, float a0, float a1) {
  net.set_a("L", 0, std::vector<float>(12, a0));
  net.set_a("L", 1, std::vector<float>(12, a1));
}

}  // namespace

TEST_CASE("QuotientProbe divides the raw values, whatever the operands' coefficients", "[probes][quotient]") {
  Net net(3, 2, 2);
  ratio_net(net);
  net.build();
  fill(net, 0.5f, 1.5f);
  // Only the quotient is sampled: it must refresh its operands for this step itself.
  net.step(1, {"ratio"});
  CHECK(net.get<QuotientProbe>("ratio").raw_values() == std::vector<double>{6.0 / 3.0, 18.0 / 27.0});
  fill(net, 1.0f, 2.0f);  // sum |a| = 12 and 24, sum a^2 = 12 and 48
  net.step(2, {"ratio"});
  CHECK(net.get<QuotientProbe>("ratio").raw_values() == std::vector<double>{1.0, 0.5});
}

TEST_CASE("QuotientProbe of zero over zero is NaN, of x over zero infinite, as IEEE division", "[probes][quotient]") {
  Net net(3, 2, 1);
  net.layer("L", 2);
  net.layer("Z", 2);
  net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}}));
  net.add(group("L1NormProbe", "zero", {{"targetLayer", str("Z")}}));
  net.add(group("QuotientProbe", "inf", {{"numerator", str("l1")}, {"denominator", str("zero")}}));
  net.add(group("QuotientProbe", "nan", {{"numerator", str("zero")}, {"denominator", str("zero")}}));
  net.build();
  net.set_a("L", 0, std::vector<float>(12, 1.0f));
  net.set_a("Z", 0, std::vector<float>(12, 0.0f));
  net.step(1);
  CHECK(std::isinf(net.get<QuotientProbe>("inf").raw_values()[0]));
  CHECK(std::isnan(net.get<QuotientProbe>("nan").raw_values()[0]));
}

TEST_CASE("QuotientProbe file: OpenPV's \"message\",time,index,value lines", "[probes][quotient][output]") {
  TempDir dir;
  OutputDirectory out(dir.path(), true);
  Net net(3, 2, 2);
  ratio_net(net, {{"message", str("TimeScale")}, {"probeOutputFile", str("ratio.txt")}});
  net.build(&out);
  for (long s = 1; s <= 2; ++s) {
    fill(net, 0.5f, 1.5f);
    net.step(s);
  }
  net.finish();
  out.commit();
  CHECK(read_file(dir.path() / "ratio_batchElement_0.txt") ==
        "message,time,index,quotient\n\"TimeScale\",1,0,2\n\"TimeScale\",2,0,2\n");
  CHECK(read_file(dir.path() / "ratio_batchElement_1.txt") ==
        "message,time,index,quotient\n\"TimeScale\",1,1,0.666667\n\"TimeScale\",2,1,0.666667\n");
}

TEST_CASE("an adaptive timescale can follow a QuotientProbe", "[probes][quotient][timescale]") {
  Net net(3, 2, 1);
  ratio_net(net);
  net.add(group("AdaptiveTimeScaleProbe", "ts",
                {{"targetName", str("ratio")},
                 {"baseMax", num(2)},
                 {"baseMin", num(1)},
                 {"tauFactor", num(0.5)},
                 {"growthFactor", num(0.25)}}));
  net.build();
  auto& ts = net.get<AdaptiveTimeScaleProbe>("ts");
  fill(net, 0.5f, 0.0f);
  net.step(1);  // the timescale saw the quotient before any step: 0, a reset
  CHECK(ts.state()[0].timescale_true == 0.0);
  fill(net, 1.0f, 0.0f);
  net.step(2);  // now it saw step 1's quotient, 6 / 3 = 2
  CHECK(ts.state()[0].timescale_true == 2.0);
  net.step(3);  // step 2's quotient: 12 / 12 = 1, a fall from 2: 0.5 * (2 / ((2 - 1) / 1)) = 1
  CHECK(ts.state()[0].timescale_true == 1.0);
  CHECK(ts.state()[0].timescale == 1.0);
}

TEST_CASE("QuotientProbe errors name the key", "[probes][quotient][errors]") {
  SECTION("an operand that is a layer") {
    Net net(3, 2, 1);
    net.layer("L", 2);
    net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}}));
    net.add(group("QuotientProbe", "ratio", {{"numerator", str("l1")}, {"denominator", str("L")}}));
    try {
      net.build();
      FAIL("no error");
    } catch (const ParamError& e) {
      CHECK(e.group() == "ratio");
      CHECK(e.key() == "denominator");
    }
  }
  SECTION("a missing operand") {
    Net net(3, 2, 1);
    net.layer("L", 2);
    net.add(group("L1NormProbe", "l1", {{"targetLayer", str("L")}}));
    net.add(group("QuotientProbe", "ratio", {{"numerator", str("l1")}, {"denominator", str("nowhere")}}));
    CHECK_THROWS_WITH(net.build(), Catch::Contains("nowhere"));
  }
  SECTION("no denominator key") {
    Net net(3, 2, 1);
    CHECK_THROWS_WITH(net.add(group("QuotientProbe", "ratio", {{"numerator", str("l1")}})),
                      Catch::Contains("denominator"));
  }
}
