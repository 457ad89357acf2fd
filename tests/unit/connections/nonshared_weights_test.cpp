// Non-shared weights (sharedWeights = false): the patch grid and shrunken patches as OpenPV's weight files lay them
// out, delivery with each pre neuron's own patch, kernel-like initialisers expanded per patch, Hebbian learning that
// sums (never averages) each patch's terms, the transpose's adjoint, and the filetype-3 PVP round trip. Expected
// values are closed forms worked out by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include "connections/conv_geometry.hpp"
#include "connections/hyper_conn.hpp"
#include "connections/weight_file.hpp"
#include "core/io/pvp_nonshared_weights.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

std::unique_ptr<test::ColumnRun> build(const test::TempDir& dir, const std::string& groups, int nbatch = 1) {
  test::write_file(dir / "net.lua",
                   "return {\n  column = { groupType = \"HyPerCol\", nx = 4, ny = 4, dt = 1, "
                   "stopTime = 1, randomSeed = 7, nbatch = " +
                       std::to_string(nbatch) + " },\n" + groups + "}\n");
  return std::make_unique<test::ColumnRun>(dir / "net.lua");
}

std::vector<float> v_of(const Layer& l) { return {l.V().begin(), l.V().end()}; }

}  // namespace

TEST_CASE("the non-shared patch grid and shrunken patches follow OpenPV's weight files", "[connections][nonshared]") {
  // Equal sizes, patch 3: one pre neuron beyond each edge still reaches the layer.
  const AxisMap same = make_axis(8, 8, 3);
  CHECK(same.needed_border() == 1);
  CHECK(same.active_lo(-1) == 2);  // its patch covers post -2 .. 0: only offset 2 lands
  CHECK(same.active_hi(-1) == 3);
  CHECK(same.active_lo(7) == 0);  // offsets 0, 1 land on post 6, 7
  CHECK(same.active_hi(7) == 2);
  // Many-to-one by 2, patch 3: (3 - 1) * 2 / 2 = 2 pre neurons out.
  CHECK(make_axis(8, 4, 3).needed_border() == 2);
  // One-to-many by 2, patch 4: 4 / (2 * 2) = 1.
  CHECK(make_axis(4, 8, 4).needed_border() == 1);

  ConvGeometry g;
  g.x = make_axis(8, 8, 3);
  g.y = make_axis(6, 6, 5);
  g.nf_pre = 2;
  g.nfp = 3;
  g.shared = false;
  CHECK(g.patches_x() == 10);
  CHECK(g.patches_y() == 10);            // 6 + 2 * 2
  CHECK(g.kernels() == 10 * 10 * 2);     // a patch per extended pre neuron
  CHECK(g.patch_index(-1, -2, 0) == 0);  // the grid's first neuron
  CHECK(g.patch_index(0, 0, 1) == (2 * 10 + 1) * 2 + 1);
  CHECK(g.patch_index(-2, 0, 0) == -1);  // beyond the border
  CHECK(g.as_shared().kernels() == 2);
}

TEST_CASE("non-shared weights deliver with each pre neuron's own patch", "[connections][nonshared]") {
  test::TempDir dir;
  // SmartWeight sets every weight of a patch to the patch's index; pre activity is 1 everywhere in the layer.
  auto run = build(dir, R"(
  Pre = { groupType = "ConstantLayer", nf = 1, InitVType = "ConstantV", valueV = 1 },
  Post = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  W = { groupType = "HyPerConn", preLayerName = "Pre", postLayerName = "Post", channelCode = 0, nxp = 3, nyp = 3,
        sharedWeights = false, weightInitType = "SmartWeight", normalizeMethod = "none" },
)");
  run->column->initialize();
  run->column->advance();
  const std::vector<float> v = v_of(run->get<Layer>("Post"));
  REQUIRE(v.size() == 16);
  // Grid 6x6 (border 1): pre (i, j) has patch (j + 1) * 6 + i + 1; post (x, y) sums those of its 3x3 in-layer
  // neighbours, e.g. post (0, 0): 7 + 8 + 13 + 14 = 42.
  CHECK(v[0] == 42.0f);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) {
      double expected = 0;
      for (int j = std::max(0, y - 1); j <= std::min(3, y + 1); ++j)
        for (int i = std::max(0, x - 1); i <= std::min(3, x + 1); ++i) expected += (j + 1) * 6 + i + 1;
      CHECK(v[std::size_t(y * 4 + x)] == float(expected));
    }
}

TEST_CASE("kernel-like initialisers give each patch its cell's kernel, so delivery matches shared weights",
          "[connections][nonshared]") {
  test::TempDir dir;
  auto run = build(dir, R"(
  Pre = { groupType = "ConstantLayer", nf = 2, InitVType = "UniformRandomV", minV = -1, maxV = 1 },
  Shared = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 3, phase = 1 },
  Own = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 3, phase = 1 },
  S = { groupType = "HyPerConn", preLayerName = "Pre", postLayerName = "Shared", channelCode = 0, nxp = 3, nyp = 3,
        weightInitType = "Gauss2DWeight", sigma = 1.5, normalizeMethod = "none" },
  N = { groupType = "HyPerConn", preLayerName = "Pre", postLayerName = "Own", channelCode = 0, nxp = 3, nyp = 3,
        sharedWeights = false, weightInitType = "Gauss2DWeight", sigma = 1.5, normalizeMethod = "none" },
)");
  run->column->initialize();
  run->column->advance();
  const HyPerConnBase& s = run->get<HyPerConnBase>("S");
  const HyPerConnBase& n = run->get<HyPerConnBase>("N");
  const ConvGeometry& g = n.conv_geometry();
  REQUIRE(!g.shared);
  REQUIRE(s.weights().kernels() == 2 * 2 * 2);                      // 2x2 cells x 2 features
  REQUIRE(n.weights().kernels() == (4 + 2 * 2) * (4 + 2 * 2) * 2);  // border (3 - 1) * 2 / 2 = 2
  for (int gy = -2; gy < 6; ++gy)
    for (int gx = -2; gx < 6; ++gx)
      for (int f = 0; f < 2; ++f) {
        const auto own = n.weights().kernel(0, int(g.patch_index(gx, gy, f)));
        const auto kernel = s.weights().kernel(0, g.kernel_index(gx, gy, f));
        REQUIRE(std::memcmp(own.data(), kernel.data(), own.size() * sizeof(float)) == 0);
      }
  const std::vector<float> a = v_of(run->get<Layer>("Shared")), b = v_of(run->get<Layer>("Own"));
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(b[i] == Approx(a[i]).margin(1e-6));
}

TEST_CASE("non-shared Hebbian learning sums each patch's terms over the batch", "[connections][nonshared]") {
  test::TempDir dir;
  auto run = build(dir, R"(
  Pre = { groupType = "ConstantLayer", nf = 1, InitVType = "ConstantV", valueV = 1 },
  Post = { groupType = "ConstantLayer", nf = 1, InitVType = "ConstantV", valueV = 2 },
  W = { groupType = "HyPerConn", preLayerName = "Pre", postLayerName = "Post", channelCode = -1, nxp = 3, nyp = 3,
        sharedWeights = false, weightInitType = "UniformWeight", weightInit = 0, normalizeMethod = "none",
        plasticityFlag = true, dWMax = 0.5, weightUpdatePeriod = 1 },
)",
                   2);
  run->column->initialize();
  run->column->advance();
  const HyPerConnBase& w = run->get<HyPerConnBase>("W");
  const ConvGeometry& g = w.conv_geometry();
  // Each weight of an in-layer pre neuron that lands on a post neuron takes dWMax * 1 * 2 from each of the 2 batch
  // elements: 2 (OpenPV divides by the counts only for shared weights). Offsets beyond the post layer and the
  // patches of halo neurons (activity 0) stay 0.
  for (int gy = -1; gy < 5; ++gy)
    for (int gx = -1; gx < 5; ++gx) {
      const auto patch = w.weights().kernel(0, int(g.patch_index(gx, gy, 0)));
      const bool in_layer = gx >= 0 && gy >= 0 && gx < 4 && gy < 4;
      for (int py = 0; py < 3; ++py)
        for (int px = 0; px < 3; ++px) {
          const bool lands = gx + px - 1 >= 0 && gx + px - 1 < 4 && gy + py - 1 >= 0 && gy + py - 1 < 4;
          CHECK(patch[std::size_t(py * 3 + px)] == (in_layer && lands ? 2.0f : 0.0f));
        }
    }
}

TEST_CASE("the transpose of non-shared weights is their adjoint", "[connections][nonshared]") {
  test::TempDir dir;
  auto run = build(dir, R"(
  Code = { groupType = "ConstantLayer", nf = 2, InitVType = "UniformRandomV", minV = -1, maxV = 1 },
  Recon = { groupType = "HyPerLayer", nxScale = 2, nyScale = 2, nf = 3, phase = 1 },
  Back = { groupType = "HyPerLayer", nf = 2, phase = 2 },
  W = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0, nxp = 4, nyp = 4,
        sharedWeights = false, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
        normalizeMethod = "none" },
  T = { groupType = "TransposeConn", preLayerName = "Recon", postLayerName = "Back", channelCode = 0,
        originalConnName = "W" },
)");
  run->column->initialize();
  run->column->advance();
  const Layer& code = run->get<Layer>("Code");
  const LayerGeometry& cg = code.geometry();
  const std::vector<float> r = v_of(run->get<Layer>("Recon")), back = v_of(run->get<Layer>("Back"));
  // <W^T W a, a> = ||W a||^2.
  double lhs = 0, rhs = 0, scale = 0;
  for (int y = 0; y < cg.ny; ++y)
    for (int x = 0; x < cg.nx; ++x)
      for (int f = 0; f < cg.nf; ++f) {
        const double a = code.A()[cg.ext_index(x, y, f)], b = back[cg.index(x, y, f)];
        lhs += a * b;
        scale += std::fabs(a * b);
      }
  for (float v : r) rhs += double(v) * v;
  REQUIRE(rhs > 0);
  CHECK(std::fabs(lhs - rhs) <= 1e-5 * scale);
}

TEST_CASE("non-shared weights round-trip through OpenPV's filetype 3, output shrunken", "[connections][nonshared]") {
  test::TempDir dir;
  ConvGeometry g;
  g.x = make_axis(3, 3, 3);
  g.y = make_axis(2, 2, 1);
  g.nf_pre = 1;
  g.nfp = 2;
  g.shared = false;
  WeightStore w(1, g.kernels(), 1, 3, 2);  // 5 x 2 patches of 3 x 1 x 2
  REQUIRE(g.kernels() == 10);
  for (std::size_t i = 0; i < w.values().size(); ++i) w.values()[i] = float(i + 1);
  write_weight_file(dir / "w.pvp", w, g, 2.5, false, false, true);
  write_weight_file(dir / "full.pvp", w, g, 0.0, false, false, false);

  const NonsharedWeights back = read_nonshared_weights(dir / "w.pvp");
  CHECK(back.patches == 10);
  CHECK(back.time == 2.5);
  REQUIRE(back.values.size() == w.values().size());
  // Patch 0 is pre x = -1: only its offset 2 lands on post 0, so its offsets 0 and 1 (4 values) are written as 0.
  CHECK(back.values[0] == 0.0f);
  CHECK(back.values[3] == 0.0f);
  CHECK(back.values[4] == 5.0f);
  CHECK(back.values[5] == 6.0f);
  // Patch 2 is pre x = 1, in the middle: all of it lands.
  for (int i = 12; i < 18; ++i) CHECK(back.values[std::size_t(i)] == float(i + 1));

  WeightStore full(1, g.kernels(), 1, 3, 2);
  CHECK(read_weight_file(dir / "full.pvp", 0, g, full).empty());
  CHECK(std::memcmp(full.values().data(), w.values().data(), w.values().size() * sizeof(float)) == 0);

  // The header says filetype 3 with the pre layer (nx 3, ny 2) and its patch grid (5 x 2).
  std::ifstream in(dir / "w.pvp", std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() == 104u + 10u * (8u + 6u * 4u));
  auto i32 = [&](int at) {
    std::int32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
  };
  CHECK(i32(8) == 3);
  CHECK(i32(12) == 3);
  CHECK(i32(16) == 2);
  CHECK(i32(48) == 5);  // nxExtended
  CHECK(i32(52) == 2);
  CHECK(i32(100) == 10);

  // A file of another patch count is refused with both shapes.
  ConvGeometry other = g;
  other.x = make_axis(4, 4, 3);
  WeightStore bigger(1, other.kernels(), 1, 3, 2);
  CHECK_THAT(read_weight_file(dir / "w.pvp", 0, other, bigger),
             Catch::Contains("10 patches") && Catch::Contains("12 patches"));
}
