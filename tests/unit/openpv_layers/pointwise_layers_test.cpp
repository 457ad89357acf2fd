// SigmoidLayer, ANNSquaredLayer, LeakyIntegrator, PtwiseProductLayer and PtwiseQuotientLayer on a 4 x 1 column fed
// by ConstantLayers (Input into channel 0, Other into channel 1), against values worked out by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using test::a_of;
using test::v_of;

namespace {

const std::vector<float> kInput{1, 0.5f, 1, -1};
const std::vector<float> kOther{0.5f, 4, -1, 2};

// Input and Other, and `layer` (its group text) named Out; fed from Input (channel 0) and, if `both`, Other (1).
test::ColumnRun* run_of(test::TempDir& dir, const std::string& layer, bool both,
                        std::unique_ptr<test::ColumnRun>& holder) {
  std::string groups = test::constant_layer(dir, "Input", 1, kInput, 4) +
                       test::constant_layer(dir, "Other", 1, kOther, 4) + "  Out = " + layer + ",\n" +
                       test::ident("Input", "Out", 0);
  if (both) groups += test::ident("Other", "Out", 1);
  holder = std::make_unique<test::ColumnRun>(test::network(dir, 4, groups));
  holder->column->initialize();
  return holder.get();
}

}  // namespace

TEST_CASE("SigmoidLayer: the sigmoid of the original's V, its linear form, the inverse", "[openpv_layers][sigmoid]") {
  test::TempDir dir;
  // V: the midpoint Vth = (-70 + -55)/2 = -62.5 (A 1/2), Vrest (A SigmoidAlpha), VthRest, and far below.
  const std::string groups = test::constant_layer(dir, "Orig", 1, {-62.5f, -70, -55, -100}, 4);
  auto sigmoid_of = [&](const std::string& keys) {
    test::ColumnRun run(test::network(
        dir, 4,
        groups + "  Out = { groupType = \"SigmoidLayer\", phase = 1, originalLayerName = \"Orig\"" + keys + " },\n"));
    run.column->initialize();
    REQUIRE(a_of(run.get<Layer>("Out")) == std::vector<float>{0, 0, 0, 0});  // OpenPV starts at 0
    run.column->advance();
    return a_of(run.get<Layer>("Out"));
  };
  // The exponent 2 (V - Vth) s at Vrest is 2 ln(1/SigmoidAlpha - 1) = 2 ln 9: A(Vrest) = 1/(1 + 81).
  SECTION("sigmoid, SigmoidAlpha 0.1: A(Vrest) = 1/82, A(VthRest) = 81/82") {
    const auto a = sigmoid_of("");
    CHECK(a[0] == 0.5f);
    CHECK(a[1] == Approx(1.0 / 82.0).epsilon(1e-5));
    CHECK(a[2] == Approx(81.0 / 82.0).epsilon(1e-5));
    // 2 (V - Vth) s with s = -ln 9 / 7.5 at V = -100: e^(2 * -37.5 * s) = 9^10.
    CHECK(a[3] == Approx(1.0 / (1.0 + std::pow(9.0, 10.0))).epsilon(1e-4));
  }
  SECTION("piecewise linear, SigmoidAlpha 1/4: 0 at Vrest, 1 at VthRest, clamped") {
    const auto a = sigmoid_of(", SigmoidFlag = false, SigmoidAlpha = 0.25");
    CHECK(a[0] == 0.5f);
    CHECK(a[1] == Approx(0.0).margin(1e-6));
    CHECK(a[2] == Approx(1.0).epsilon(1e-6));
    CHECK(a[3] == 0.0f);
  }
  SECTION("InverseFlag: 1 - A") {
    const auto a = sigmoid_of(", InverseFlag = true");
    CHECK(a[0] == 0.5f);
    CHECK(a[1] == Approx(81.0 / 82.0).epsilon(1e-5));
    CHECK(a[2] == Approx(1.0 / 82.0).epsilon(1e-4));
  }
  SECTION("SigmoidAlpha outside 0..1 is refused") {
    CHECK_THROWS_WITH(sigmoid_of(", SigmoidAlpha = 1.5"), Catch::Contains("SigmoidAlpha"));
  }
}

TEST_CASE("ANNSquaredLayer: V = GSyn[0]^2, A = T(V); one channel only", "[openpv_layers][squared]") {
  test::TempDir dir;
  std::unique_ptr<test::ColumnRun> h;
  auto* run = run_of(dir, "{ groupType = \"ANNSquaredLayer\", phase = 1, VThresh = 0.5, AMin = 0 }", false, h);
  run->column->advance();
  const Layer& l = run->get<Layer>("Out");
  CHECK(v_of(l) == std::vector<float>{1, 0.25f, 1, 1});
  CHECK(a_of(l) == std::vector<float>{1, 0, 1, 1});  // 0.25 is below VThresh 0.5
  test::TempDir dir2;
  CHECK_THROWS_WITH(run_of(dir2, "{ groupType = \"ANNSquaredLayer\", phase = 1 }", true, h),
                    Catch::Contains("channel"));
}

TEST_CASE("LeakyIntegrator: V <- e^(-dt/integrationTime) V + GSyn[0] - GSyn[1]", "[openpv_layers][leaky]") {
  // G = Input - Other = {0.5, -3.5, 2, -3} every step.
  const std::vector<float> g{0.5f, -3.5f, 2, -3};
  SECTION("default integrationTime: no leak, V adds G each step") {
    test::TempDir dir;
    std::unique_ptr<test::ColumnRun> h;
    auto* run = run_of(dir, "{ groupType = \"LeakyIntegrator\", phase = 1 }", true, h);
    run->column->advance();
    CHECK(v_of(run->get<Layer>("Out")) == g);
    run->column->advance();
    CHECK(v_of(run->get<Layer>("Out")) == std::vector<float>{1, -7, 4, -6});
    CHECK(a_of(run->get<Layer>("Out")) == std::vector<float>{1, -7, 4, -6});  // VThresh -infinity: A = V
  }
  SECTION("integrationTime 2: V2 = e^(-1/2) G + G; A = T(V)") {
    test::TempDir dir;
    std::unique_ptr<test::ColumnRun> h;
    auto* run = run_of(
        dir, "{ groupType = \"LeakyIntegrator\", phase = 1, integrationTime = 2, VThresh = 0, AMin = 0 }", true, h);
    run->column->advance();
    run->column->advance();
    const float d = std::exp(-1.0f / 2.0f);
    const auto v = v_of(run->get<Layer>("Out"));
    for (int k = 0; k < 4; ++k) CHECK(v[std::size_t(k)] == g[std::size_t(k)] * d + g[std::size_t(k)]);
    const auto a = a_of(run->get<Layer>("Out"));
    CHECK(a[0] == v[0]);
    CHECK(a[1] == 0);
    CHECK(a[2] == v[2]);
    CHECK(a[3] == 0);
  }
}

TEST_CASE("PtwiseProductLayer and PtwiseQuotientLayer: GSyn[0] * GSyn[1], GSyn[0] / GSyn[1]",
          "[openpv_layers][ptwise]") {
  test::TempDir dir;
  std::unique_ptr<test::ColumnRun> h;
  auto* run = run_of(dir, "{ groupType = \"PtwiseProductLayer\", phase = 1, VThresh = 0, AMin = 0 }", true, h);
  run->column->advance();
  CHECK(v_of(run->get<Layer>("Out")) == std::vector<float>{0.5f, 2, -1, -2});
  CHECK(a_of(run->get<Layer>("Out")) == std::vector<float>{0.5f, 2, 0, 0});
  test::TempDir dir2;
  run = run_of(dir2, "{ groupType = \"PtwiseQuotientLayer\", phase = 1 }", true, h);
  run->column->advance();
  CHECK(v_of(run->get<Layer>("Out")) == std::vector<float>{2, 0.125f, -1, -0.5f});
  CHECK(a_of(run->get<Layer>("Out")) == std::vector<float>{2, 0.125f, -1, -0.5f});
}
