// OpenPV's weight initialisers: Gauss2DWeight (offsets for equal, many-to-one and one-to-many sizes, orientation,
// colour, flanks, cutoffs, bowtie, self connection, strength), CoCircWeight, SpreadOverArborsWeight, UniformWeight,
// DiscreteUniformRandomWeight, SmartWeight and OneToOneWeightsWithDelays, against values written out here, and the
// keys in a column.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "connections/hyper_conn.hpp"
#include "connections/weight_init.hpp"
#include "connections/weight_init_cocirc.hpp"
#include "connections/weight_init_gauss2d.hpp"
#include "connections/weight_init_spread_over_arbors.hpp"
#include "core/errors.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

ConvGeometry geometry(int n_pre, int n_post, int patch, int nf_pre, int nfp) {
  return ConvGeometry{make_axis(n_pre, n_post, patch), make_axis(n_pre, n_post, patch), nf_pre, nfp};
}

WeightStore store(const ConvGeometry& g, int arbors = 1) {
  return WeightStore(arbors, g.kernels(), g.nyp(), g.nxp(), g.nfp);
}

float at(const WeightStore& w, int a, int k, int x, int y, int f) {
  return w.kernel(a, k)[(std::size_t(y) * w.nxp() + x) * w.nfp() + f];
}

// OpenPV's Gaussian at offset (dx, dy) from the pre neuron for orientation theta, written out.
double gauss(double dx, double dy, double theta, double sigma, double aspect, double r_max2 = 1e30, double r_min2 = 0.0,
             double shift = 0.0) {
  const double along = dx * std::cos(theta) + dy * std::sin(theta);
  const double across = -dx * std::sin(theta) + dy * std::cos(theta);
  const double d2 = along * along + aspect * aspect * (across - shift) * (across - shift);
  return (d2 <= r_max2 && d2 >= r_min2) ? std::exp(-d2 / (2.0 * sigma * sigma)) : 0.0;
}

}  // namespace

TEST_CASE("Gauss2DWeight for equal sizes: the rotated, elongated Gaussian at integer offsets", "[connections][init]") {
  const ConvGeometry g = geometry(8, 8, 5, 1, 1);
  WeightStore w = store(g, 2);
  Gauss2DWeightInit s;
  s.sigma = 1.5f;
  s.aspect = 2.0f;
  s.r_max = 100.0f;
  s.rotate = 0.5f;  // one orientation, rotate * pi / 2: the axis is at pi / 4
  s.strength = 3.0f;
  init_gauss2d(w, g, s);
  for (int a = 0; a < 2; ++a)
    for (int y = 0; y < 5; ++y)
      for (int x = 0; x < 5; ++x) {
        INFO("arbor " << a << " x " << x << " y " << y);
        CHECK(at(w, a, 0, x, y, 0) == Approx(3.0 * gauss(x - 2, y - 2, M_PI / 4, 1.5, 2.0)).epsilon(1e-5));
      }
  // Along the axis (1, 1): d2 = 2, so 3 exp(-2 / 4.5); across it (1, -1): d2 = 2 * 4 = 8.
  CHECK(at(w, 0, 0, 3, 3, 0) == Approx(3.0 * std::exp(-2.0 / 4.5)).epsilon(1e-5));
  CHECK(at(w, 0, 0, 3, 1, 0) == Approx(3.0 * std::exp(-8.0 / 4.5)).epsilon(1e-5));
}

TEST_CASE("Gauss2DWeight's defaults: sigma 0.8 and rMax 1.4 keep the centre and the four neighbours",
          "[connections][init]") {
  const ConvGeometry g = geometry(8, 8, 3, 1, 1);
  WeightStore w = store(g);
  init_gauss2d(w, g, Gauss2DWeightInit{});
  const double side = std::exp(-1.0 / (2.0 * 0.64));
  CHECK(at(w, 0, 0, 1, 1, 0) == Approx(1.0));
  CHECK(at(w, 0, 0, 0, 1, 0) == Approx(side).epsilon(1e-6));
  CHECK(at(w, 0, 0, 1, 2, 0) == Approx(side).epsilon(1e-6));
  CHECK(at(w, 0, 0, 0, 0, 0) == 0.0f);  // d2 = 2 > 1.4^2
}

TEST_CASE("Gauss2DWeight many-to-one: post cells at pre-unit offsets that depend on the kernel's cell",
          "[connections][init]") {
  // Pre 8, post 4: post cell c is centred on pre coordinate 2c + 0.5. Patch 3 from pre cell 0: post -1, 0, 1 at
  // -1.5, 0.5, 2.5; from pre cell 1: post -1, 0, 1 at -2.5, -0.5, 1.5.
  const ConvGeometry g = geometry(8, 4, 3, 1, 1);
  REQUIRE(g.kernels() == 4);
  KernelFrame f0 = kernel_frame(g, Gauss2DWeightInit{}, 0), f1 = kernel_frame(g, Gauss2DWeightInit{}, 1);
  CHECK(f0.x0 == -1.5f);
  CHECK(f0.dx == 2.0f);
  CHECK(f1.x0 == -2.5f);
  CHECK(f1.dx == 2.0f);
  // OpenPV takes the y distance to the nearest post cell from the x cell (kernel = (y cell * 2 + x cell)): kernel 1
  // (x cell 1, y cell 0) gets y0 = -2.5 where its true offset is -1.5, kernel 2 (x cell 0, y cell 1) -1.5 for -2.5.
  CHECK(kernel_frame(g, Gauss2DWeightInit{}, 1).y0 == -2.5f);
  CHECK(kernel_frame(g, Gauss2DWeightInit{}, 2).y0 == -1.5f);
  CHECK(kernel_frame(g, Gauss2DWeightInit{}, 3).y0 == -2.5f);  // x cell 1, y cell 1: the true offset

  WeightStore w = store(g);
  Gauss2DWeightInit s;
  s.sigma = 2.0f;
  s.r_max = 100.0f;
  init_gauss2d(w, g, s);
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 3; ++x) {
      INFO("x " << x << " y " << y);
      CHECK(at(w, 0, 0, x, y, 0) == Approx(gauss(-1.5 + 2 * x, -1.5 + 2 * y, 0.0, 2.0, 1.0)).epsilon(1e-5));
      CHECK(at(w, 0, 3, x, y, 0) == Approx(gauss(-2.5 + 2 * x, -2.5 + 2 * y, 0.0, 2.0, 1.0)).epsilon(1e-5));
    }
}

TEST_CASE("Gauss2DWeight one-to-many: post cells at quarter steps around the pre neuron", "[connections][init]") {
  // Pre 4, post 8, patch 4: post cells at -0.75, -0.25, 0.25, 0.75 pre units.
  const ConvGeometry g = geometry(4, 8, 4, 1, 1);
  const KernelFrame f = kernel_frame(g, Gauss2DWeightInit{}, 0);
  CHECK(f.x0 == -0.75f);
  CHECK(f.dx == 0.5f);
  CHECK(f.y0 == -0.75f);
  WeightStore w = store(g);
  init_gauss2d(w, g, Gauss2DWeightInit{});
  CHECK(at(w, 0, 0, 1, 2, 0) == Approx(gauss(-0.25, 0.25, 0.0, 0.8, 1.0)).epsilon(1e-6));
  CHECK(at(w, 0, 0, 0, 0, 0) == Approx(gauss(-0.75, -0.75, 0.0, 0.8, 1.0)).epsilon(1e-6));  // d2 1.125 <= 1.96
}

TEST_CASE("Gauss2DWeight orientations: the pre feature's angle, deltaThetaMax and colours", "[connections][init]") {
  Gauss2DWeightInit s;
  s.sigma = 1.0f;
  s.r_max = 100.0f;
  SECTION("four orientations each way; deltaThetaMax 0.1 keeps only the same orientation") {
    const ConvGeometry g = geometry(8, 8, 3, 4, 4);
    s.delta_theta_max = 0.1f;
    s.aspect = 2.0f;
    WeightStore w = store(g);
    init_gauss2d(w, g, s);
    for (int k = 0; k < 4; ++k)
      for (int f = 0; f < 4; ++f) {
        INFO("kernel " << k << " post feature " << f);
        const double expected = f == k ? gauss(1, 0, k * M_PI / 4, 1.0, 2.0) : 0.0;
        CHECK(at(w, 0, k, 2, 1, f) == Approx(expected).margin(1e-6));
      }
  }
  SECTION("two colours of two orientations: another colour gets nothing") {
    const ConvGeometry g = geometry(8, 8, 3, 4, 4);
    s.orientations_pre = 2;
    s.orientations_post = 2;
    s.aspect = 3.0f;
    WeightStore w = store(g);
    init_gauss2d(w, g, s);
    // Kernel 2: colour 1, orientation 0 (angle 0). Post features 2 and 3 (colour 1) at angles 0 and pi / 2.
    CHECK(at(w, 0, 2, 2, 2, 0) == 0.0f);
    CHECK(at(w, 0, 2, 2, 2, 1) == 0.0f);
    CHECK(at(w, 0, 2, 2, 2, 2) == Approx(gauss(1, 1, 0.0, 1.0, 3.0)).epsilon(1e-5));
    CHECK(at(w, 0, 2, 2, 2, 3) == Approx(gauss(1, 1, 0.0, 1.0, 3.0)).epsilon(1e-5));  // |angle| gap pi/2 < 2 pi
    CHECK(at(w, 0, 2, 2, 1, 3) == Approx(gauss(1, 0, M_PI / 2, 1.0, 3.0)).epsilon(1e-5));
  }
  SECTION("one post orientation takes the pre feature's angle; thetaMax 2 spans directions") {
    const ConvGeometry g = geometry(8, 8, 3, 4, 1);
    s.aspect = 2.0f;
    s.theta_max = 2.0f;  // angles k * 2 pi / 4
    WeightStore w = store(g);
    init_gauss2d(w, g, s);
    for (int k = 0; k < 4; ++k)
      CHECK(at(w, 0, k, 2, 1, 0) == Approx(gauss(1, 0, k * M_PI / 2, 1.0, 2.0)).epsilon(1e-5));
  }
}

TEST_CASE("Gauss2DWeight flanks, rMin/rMax, bowtie, self connection", "[connections][init]") {
  const ConvGeometry g = geometry(8, 8, 5, 1, 1);
  Gauss2DWeightInit s;
  s.sigma = 1.0f;
  SECTION("two flanks shifted by +-flankShift across the axis, summed") {
    s.r_max = 100.0f;
    s.num_flanks = 2;
    s.flank_shift = 1.0f;
    WeightStore w = store(g);
    init_gauss2d(w, g, s);
    for (int y = 0; y < 5; ++y)
      for (int x = 0; x < 5; ++x) {
        const double expected =
            gauss(x - 2, y - 2, 0, 1, 1, 1e30, 0, 1.0) + gauss(x - 2, y - 2, 0, 1, 1, 1e30, 0, -1.0);
        CHECK(at(w, 0, 0, x, y, 0) == Approx(expected).epsilon(1e-5));
      }
  }
  SECTION("only squared distances in [rMin^2, rMax^2]") {
    s.r_min = 0.5f;
    s.r_max = 1.5f;
    WeightStore w = store(g);
    init_gauss2d(w, g, s);
    CHECK(at(w, 0, 0, 2, 2, 0) == 0.0f);                                  // 0 < 0.25
    CHECK(at(w, 0, 0, 3, 2, 0) == Approx(std::exp(-0.5)).epsilon(1e-6));  // 1
    CHECK(at(w, 0, 0, 3, 3, 0) == Approx(std::exp(-1.0)).epsilon(1e-6));  // 2 <= 2.25
    CHECK(at(w, 0, 0, 4, 2, 0) == 0.0f);                                  // 4 > 2.25
  }
  SECTION("bowtie: OpenPV measures the angle from the across axis") {
    s.r_max = 100.0f;
    s.bowtie = true;
    s.bowtie_angle = float(M_PI / 8);
    WeightStore w = store(g);
    init_gauss2d(w, g, s);
    // atan2(along, across) within pi/8 of 0 or pi is kept: offsets (0, +-1), (0, +-2), and the centre.
    CHECK(at(w, 0, 0, 2, 2, 0) == 1.0f);
    CHECK(at(w, 0, 0, 2, 3, 0) == Approx(std::exp(-0.5)).epsilon(1e-6));
    CHECK(at(w, 0, 0, 2, 0, 0) == Approx(std::exp(-2.0)).epsilon(1e-6));
    CHECK(at(w, 0, 0, 3, 2, 0) == 0.0f);  // pi / 2
    CHECK(at(w, 0, 0, 3, 3, 0) == 0.0f);  // pi / 4
  }
  SECTION("a layer connected to itself gets no weight from a neuron to itself") {
    s.self_connection = true;
    WeightStore w = store(g);
    init_gauss2d(w, g, s);
    CHECK(at(w, 0, 0, 2, 2, 0) == 0.0f);
    CHECK(at(w, 0, 0, 3, 2, 0) == Approx(std::exp(-0.5)).epsilon(1e-6));
  }
}

TEST_CASE("SpreadOverArborsWeight shares weightInit between the two arbors whose zones a direction lies between",
          "[connections][init]") {
  const ConvGeometry g = geometry(8, 8, 3, 1, 1);
  SECTION("two arbors: zones [0, pi) and [pi, 2 pi)") {
    WeightStore w = store(g, 2);
    init_spread_over_arbors(w, g, Gauss2DWeightInit{}, 2.0f);
    CHECK(at(w, 0, 0, 1, 1, 0) == 1.0f);  // centre: 2 / 2 arbors
    CHECK(at(w, 1, 0, 1, 1, 0) == 1.0f);
    CHECK(at(w, 0, 0, 2, 1, 0) == 2.0f);  // angle 0: zone 0.0
    CHECK(at(w, 1, 0, 2, 1, 0) == 0.0f);
    CHECK(at(w, 0, 0, 2, 2, 0) == Approx(1.5f));  // angle pi/4: zone 0.25
    CHECK(at(w, 1, 0, 2, 2, 0) == Approx(0.5f));
    CHECK(at(w, 0, 0, 0, 0, 0) == Approx(0.5f));  // angle -3pi/4 = 5pi/4: zone 1.25
    CHECK(at(w, 1, 0, 0, 0, 0) == Approx(1.5f));
  }
  SECTION("four arbors: a direction reaches its zone's arbor and the next one") {
    WeightStore w = store(g, 4);
    init_spread_over_arbors(w, g, Gauss2DWeightInit{}, 1.0f);
    // Angle pi/4: zone 0.5 -> arbors 0 and 1 get 0.5 each; angle 3pi/4 (offset (-1, 1)): zone 1.5.
    const float expected_45[4] = {0.5f, 0.5f, 0.0f, 0.0f}, expected_135[4] = {0.0f, 0.5f, 0.5f, 0.0f};
    // Angle -pi/4 = 7pi/4: zone 3.5 -> arbor 3 and, wrapping, arbor 0.
    const float expected_315[4] = {0.5f, 0.0f, 0.0f, 0.5f};
    for (int a = 0; a < 4; ++a) {
      CHECK(at(w, a, 0, 2, 2, 0) == Approx(expected_45[a]));
      CHECK(at(w, a, 0, 0, 2, 0) == Approx(expected_135[a]));
      CHECK(at(w, a, 0, 2, 0, 0) == Approx(expected_315[a]));
    }
  }
}

TEST_CASE("UniformWeight, SmartWeight and OneToOneWeightsWithDelays", "[connections][init]") {
  WeightStore w(2, 6, 3, 3, 4);
  init_uniform(w, 0.25f, false);
  for (float v : w.values()) REQUIRE(v == 0.25f);
  init_uniform(w, 0.25f, true);
  for (int k = 0; k < 6; ++k)
    for (int f = 0; f < 4; ++f) CHECK(at(w, 1, k, 2, 0, f) == (f == k % 4 ? 0.25f : 0.0f));

  init_smart(w);
  for (int k = 0; k < 6; ++k)
    for (float v : w.kernel(1, k)) REQUIRE(v == float(k));

  WeightStore d(2, 2, 3, 3, 4);
  init_one_to_one_with_delays(d);
  for (int a = 0; a < 2; ++a)
    for (int k = 0; k < 2; ++k)
      for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x)
          for (int f = 0; f < 4; ++f) {
            INFO("arbor " << a << " kernel " << k << " feature " << f);
            REQUIRE(at(d, a, k, x, y, f) == ((x == 1 && y == 1 && f == 2 * k + a) ? 1.0f : 0.0f));
          }
}

TEST_CASE("DiscreteUniformRandomWeight draws equally likely levels from wMin to wMax", "[connections][init]") {
  WeightStore w(1, 64, 8, 8, 2), again(1, 64, 8, 8, 2);
  const RngKey key{11, hash_name("d")};
  init_discrete_uniform_random(w, key, 1.0, 2.0, 5);
  init_discrete_uniform_random(again, key, 1.0, 2.0, 5);
  CHECK(std::equal(w.values().begin(), w.values().end(), again.values().begin()));
  int counts[5] = {0, 0, 0, 0, 0};
  for (float v : w.values()) {
    const double level = (double(v) - 1.0) / 0.25;
    REQUIRE(std::fabs(level - std::round(level)) < 1e-6);
    REQUIRE(level >= -1e-9);
    REQUIRE(level <= 4.0 + 1e-9);
    ++counts[int(std::round(level))];
  }
  // 8192 draws: each level 1638 expected, standard deviation about 36.
  for (int c : counts) CHECK(std::abs(c - 1638) < 200);
}

namespace {

const char* const kColumn = R"(
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = 1, randomSeed = 5 },
  Pre = { groupType = "ConstantLayer", nf = 2, InitVType = "ConstantV", valueV = 1 },
  Post = { groupType = "HyPerLayer", nf = 2, phase = 1 },
)";

std::unique_ptr<test::ColumnRun> build(const test::TempDir& dir, const std::string& conn) {
  test::write_file(dir / "net.lua",
                   "return {\n" + std::string(kColumn) +
                       "  C = { groupType = \"HyPerConn\", preLayerName = \"Pre\", "
                       "postLayerName = \"Post\", channelCode = 0, nxp = 3, nyp = 3, normalizeMethod = \"none\", " +
                       conn + " },\n}\n");
  auto run = std::make_unique<test::ColumnRun>(dir / "net.lua");
  run->column->initialize();
  return run;
}

std::string error_of(const test::TempDir& dir, const std::string& conn) {
  try {
    build(dir, conn);
  } catch (const ParamError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("CoCircWeight: the distance Gaussian times the co-circularity of the post orientation",
          "[connections][init]") {
  // Four orientations k pi / 4 on both layers, equal sizes, 5x5 patches centred on the pre neuron (offset x - 2,
  // y - 2); sigma 4, so the distance factor is exp(-d2 / 32); sigmaCocirc 0.5, so the angle factor is
  // exp(-chi^2 / 0.5), chi the angle between the post orientation and the tangent at the post neuron of the circle
  // through both neurons tangent to the pre orientation (theta_pre + 2 atan2(across, along), modulo pi).
  const ConvGeometry g = geometry(8, 8, 5, 4, 4);
  CocircWeightInit s;
  s.gauss.sigma = 4.0f;
  s.gauss.r_max = 3.0f;
  s.sigma_cocirc = 0.5f;
  const auto angle = [](double chi) { return std::exp(-chi * chi / 0.5); };
  SECTION("from a horizontal pre feature") {
    WeightStore w = store(g, 2);
    init_cocirc(w, g, s);
    // (2, 0): a straight continuation; the tangent is horizontal.
    CHECK(at(w, 1, 0, 4, 2, 0) == Approx(std::exp(-4.0 / 32)).epsilon(1e-5));
    CHECK(at(w, 1, 0, 4, 2, 2) == Approx(std::exp(-4.0 / 32) * angle(M_PI / 2)).epsilon(1e-5));
    CHECK(at(w, 1, 0, 4, 2, 1) == Approx(std::exp(-4.0 / 32) * angle(M_PI / 4)).epsilon(1e-5));
    // (1, 1): the circle through it tangent to the horizontal there is vertical.
    CHECK(at(w, 0, 0, 3, 3, 2) == Approx(std::exp(-2.0 / 32)).epsilon(1e-5));
    CHECK(at(w, 0, 0, 3, 3, 0) == Approx(std::exp(-2.0 / 32) * angle(M_PI / 2)).epsilon(1e-5));
    // At the pre neuron's own position: no weight to the same feature; the others by their angle difference.
    CHECK(at(w, 0, 0, 2, 2, 0) == 0.0f);
    CHECK(at(w, 0, 0, 2, 2, 1) == Approx(angle(M_PI / 4)).epsilon(1e-5));
    CHECK(at(w, 0, 0, 2, 2, 3) == Approx(angle(M_PI / 4)).epsilon(1e-5));  // 3 pi / 4 folds to pi / 4
    // Kernel 1 (pre at pi / 4), offset (1, 0): along = cos(pi/4), across = -sin(pi/4); the tangent is at
    // pi/4 - pi/2 = -pi/4, i.e. 3 pi / 4.
    CHECK(at(w, 0, 1, 3, 2, 3) == Approx(std::exp(-1.0 / 32)).epsilon(1e-5));
    CHECK(at(w, 0, 1, 3, 2, 1) == Approx(std::exp(-1.0 / 32) * angle(M_PI / 2)).epsilon(1e-5));
  }
  SECTION("cocircSelf, rMax and deltaThetaMax") {
    s.cocirc_self = true;
    s.gauss.r_max = 2.0f;
    s.gauss.delta_theta_max = 1.0f;  // pi / 2 and 3 pi / 4 away from orientation 0 get nothing
    WeightStore w = store(g);
    init_cocirc(w, g, s);
    CHECK(at(w, 0, 0, 2, 2, 0) == Approx(1.0));
    CHECK(at(w, 0, 0, 4, 2, 0) == Approx(std::exp(-4.0 / 32)).epsilon(1e-5));  // d2 = 4 <= rMax^2
    CHECK(at(w, 0, 0, 4, 3, 0) == 0.0f);                                       // d2 = 5 > 4
    CHECK(at(w, 0, 0, 2, 2, 2) == 0.0f);
    CHECK(at(w, 0, 0, 2, 2, 3) == 0.0f);
    CHECK(at(w, 0, 0, 2, 2, 1) == Approx(angle(M_PI / 4)).epsilon(1e-5));
  }
}

TEST_CASE("CoCircWeight gives OpenPV's numbers", "[connections][init]") {
  // Values written by OpenPV's own CPU build (its BasicSystemTest runner, a copy of its test_cocirc network with
  // writeStep = 1): 16x16 layers of 4 orientations, 5x5 patches, sigma 4, rMax 3, sigmaCocirc 0.03926875,
  // deltaThetaMax 1.5708. The tiny values are chords almost at right angles to the post orientation.
  const ConvGeometry g = geometry(16, 16, 5, 4, 4);
  CocircWeightInit s;
  s.gauss.sigma = 4.0f;
  s.gauss.r_max = 3.0f;
  s.gauss.delta_theta_max = 1.5708f;
  s.sigma_cocirc = 0.03926875f;
  WeightStore w = store(g);
  init_cocirc(w, g, s);
  struct Value {
    int kernel, x, y, f;
    double openpv;
  };
  const Value values[] = {{0, 0, 0, 2, 0.7788007855415344},    {0, 1, 2, 0, 0.9692332148551941},
                          {0, 2, 4, 0, 0.8824968934059143},    {1, 2, 1, 3, 0.9692332148551941},
                          {2, 1, 0, 1, 0.001249561901204288},  {2, 0, 2, 2, 0.8824968934059143},
                          {3, 0, 1, 2, 0.0012495970586314797}, {3, 2, 3, 1, 0.9692332148551941}};
  for (const Value& v : values) {
    INFO("kernel " << v.kernel << " x " << v.x << " y " << v.y << " f " << v.f);
    CHECK(at(w, 0, v.kernel, v.x, v.y, v.f) == Approx(v.openpv).epsilon(1e-6));
  }
  // OpenPV has 88 non-zero weights in all.
  int nonzero = 0;
  for (float x : w.values()) nonzero += x != 0.0f;
  CHECK(nonzero == 88);
}

TEST_CASE("the OpenPV initialisers' keys in a column", "[connections][init][column]") {
  test::TempDir dir;
  SECTION("Gauss2DWeight keys are accepted whatever weightInitType is") {
    auto run = build(dir,
                     "weightInitType = \"UniformRandomWeight\", aspect = 3, sigma = 2, rMax = 4, rMin = 0, "
                     "numOrientationsPost = 2, numOrientationsPre = 2, deltaThetaMax = 1, thetaMax = 1, "
                     "numFlanks = 1, flankShift = 0, rotate = 0, bowtieFlag = false, bowtieAngle = 1");
    for (float v : run->get<HyPerConnBase>("C").weights().values()) REQUIRE((v >= 0.0f && v < 1.0f));
  }
  SECTION("Gauss2DWeight in a column uses strength and the layers' orientations") {
    auto run = build(dir, "weightInitType = \"Gauss2DWeight\", sigma = 1, rMax = 10, strength = 2");
    const WeightStore& w = run->get<HyPerConnBase>("C").weights();
    // Two orientations each way (0 and pi/2); kernel 1 is at pi/2: offset (0, 1) is along its axis.
    CHECK(at(w, 0, 1, 1, 2, 1) == Approx(2.0 * std::exp(-0.5)).epsilon(1e-6));
    CHECK(at(w, 0, 1, 1, 2, 0) == Approx(2.0 * std::exp(-0.5)).epsilon(1e-6));  // aspect 1: round
    CHECK(at(w, 0, 1, 2, 2, 0) == Approx(2.0 * std::exp(-1.0)).epsilon(1e-6));
  }
  SECTION("UniformWeight: weightInit defaults to 0 as in OpenPV; OneToOneWeights' to 1") {
    auto run = build(dir, "weightInitType = \"UniformWeight\"");
    for (float v : run->get<HyPerConnBase>("C").weights().values()) REQUIRE(v == 0.0f);
    test::TempDir dir2;
    auto one = build(dir2, "weightInitType = \"OneToOneWeights\"");
    CHECK(at(one->get<HyPerConnBase>("C").weights(), 0, 1, 1, 1, 1) == 1.0f);
  }
  SECTION("DiscreteUniformRandomWeight needs wMin, wMax and numValues") {
    CHECK_THAT(error_of(dir, "weightInitType = \"DiscreteUniformRandomWeight\", wMin = 0, wMax = 1"),
               Catch::Contains("numValues") && Catch::Contains("required"));
    CHECK_THAT(error_of(dir, "weightInitType = \"DiscreteUniformRandomWeight\", wMin = 1, wMax = 0, numValues = 3"),
               Catch::Contains("wMax"));
    CHECK_THAT(error_of(dir, "weightInitType = \"DiscreteUniformRandomWeight\", wMin = 0, wMax = 1, numValues = 1"),
               Catch::Contains("numValues"));
    auto run = build(dir, "weightInitType = \"DiscreteUniformRandomWeight\", wMin = -1, wMax = 1, numValues = 3");
    std::set<float> seen(run->get<HyPerConnBase>("C").weights().values().begin(),
                         run->get<HyPerConnBase>("C").weights().values().end());
    CHECK(seen == std::set<float>{-1.0f, 0.0f, 1.0f});
  }
  SECTION("an unknown spelling is refused, and CoCircWeight with several curvatures per orientation") {
    CHECK_THAT(error_of(dir, "weightInitType = \"Gauss2DWeights\""), Catch::Contains("weightInitType"));
    CHECK_THAT(error_of(dir, "weightInitType = \"CoCircWeight\", numOrientationsPre = 1"),
               Catch::Contains("numOrientationsPre") && Catch::Contains("curvatures"));
    auto run = build(dir, "weightInitType = \"CoCircWeight\", sigma = 1, rMax = 10, sigmaCocirc = 0.5");
    // Two orientations (0, pi/2); kernel 0 at offset (1, 0) along its axis: exp(-1/2), and a straight contour
    // continues with the same orientation (chi = 0) but not the other (chi = pi/2).
    const WeightStore& w = run->get<HyPerConnBase>("C").weights();
    CHECK(at(w, 0, 0, 2, 1, 0) == Approx(std::exp(-0.5)).epsilon(1e-6));
    CHECK(at(w, 0, 0, 2, 1, 1) == Approx(std::exp(-0.5) * std::exp(-M_PI * M_PI / 4 / 0.5)).epsilon(1e-5));
  }
}
