// PoolingConn (maxpooling with its PoolingIndexLayer, sumpooling from either perspective, avgpooling),
// TransposePoolingConn (max: to the recorded winners, or without an index layer to the winners found again; avg:
// the window spread) and WTAConn, in a column, against the
// windows worked out by hand: with pre 8 and post 4, nxp 1 pools pre 2p, 2p + 1; nxp 2 pools pre 2p - 1 .. 2p + 2;
// with equal sizes, nxp 3 pools p - 1 .. p + 1; beyond the layer the halo holds valueBC = 0.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/errors.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

const char* const kNet = R"(return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, nbatch = 2, dt = 1, stopTime = 2, randomSeed = 99 },
  In = { groupType = "ConstantLayer", nf = 2, InitVType = "UniformRandomV", minV = -1, maxV = 1 },
  Max = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 1 },
  Idx = { groupType = "PoolingIndexLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 1 },
  SumPre = { groupType = "HyPerLayer", nf = 2, phase = 1 },
  SumPost = { groupType = "HyPerLayer", nf = 2, phase = 1 },
  Avg = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 1 },
  Unpooled = { groupType = "HyPerLayer", nf = 2, phase = 2 },
  MaxAlone = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 1 },
  UnpooledAlone = { groupType = "HyPerLayer", nf = 2, phase = 2 },
  Spread = { groupType = "HyPerLayer", nf = 2, phase = 2 },
  Winner = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  InToMax = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "Max", channelCode = 0,
              pvpatchAccumulateType = "maxpooling", nxp = 1, nyp = 1, needPostIndexLayer = true,
              postIndexLayerName = "Idx" },
  InToSumPre = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "SumPre", channelCode = 0,
                 pvpatchAccumulateType = "sumpooling", nxp = 3, nyp = 3 },
  InToSumPost = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "SumPost", channelCode = 0,
                  pvpatchAccumulateType = "sum_pooling", nxp = 3, nyp = 3, updateGSynFromPostPerspective = true },
  InToAvg = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "Avg", channelCode = 0,
              pvpatchAccumulateType = "avgpooling", nxp = 2, nyp = 2 },
  MaxToUnpooled = { groupType = "TransposePoolingConn", preLayerName = "Max", postLayerName = "Unpooled",
                    channelCode = 0, originalConnName = "InToMax" },
  InToMaxAlone = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "MaxAlone", channelCode = 0,
                   pvpatchAccumulateType = "maxpooling", nxp = 1, nyp = 1 },
  MaxAloneToUnpooledAlone = { groupType = "TransposePoolingConn", preLayerName = "MaxAlone",
                              postLayerName = "UnpooledAlone", channelCode = 0, originalConnName = "InToMaxAlone" },
  AvgToSpread = { groupType = "TransposePoolingConn", preLayerName = "Avg", postLayerName = "Spread",
                  channelCode = 0, originalConnName = "InToAvg" },
  InToWinner = { groupType = "WTAConn", preLayerName = "In", postLayerName = "Winner", channelCode = 0 },
%s}
)";

std::unique_ptr<test::ColumnRun> build(const test::TempDir& dir, const std::string& extra = "") {
  std::string text = kNet;
  text.replace(text.find("%s"), 2, extra);
  test::write_file(dir / "net.lua", text);
  return std::make_unique<test::ColumnRun>(dir / "net.lua");
}

// Activity of batch element b at (x, y, f), 0 beyond the layer (valueBC).
float at(const Layer& l, int b, int x, int y, int f) {
  const LayerGeometry& g = l.geometry();
  if (x < 0 || y < 0 || x >= g.nx || y >= g.ny) return 0.0f;
  return l.A()[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)];
}
float v_at(const Layer& l, int b, int x, int y, int f) {
  const LayerGeometry& g = l.geometry();
  return l.V()[std::size_t(b) * g.neurons() + g.index(x, y, f)];
}

// The largest activity of the 2x2 block (px, py) of In (ties cannot occur) and its global extended index, worked out
// here: ((y + halo below) * extended width + x + halo left) * nf + f, nf = 2.
struct BlockMax {
  float value;
  float index;
};
BlockMax block_max(const Layer& in, int b, int px, int py, int f) {
  const LayerGeometry& ig = in.geometry();
  const int nx_ext = 8 + ig.halo.lt + ig.halo.rt;
  float best = -2.0f;
  int bx = 0, by = 0;
  for (int y = 2 * py; y < 2 * py + 2; ++y)
    for (int x = 2 * px; x < 2 * px + 2; ++x)
      if (at(in, b, x, y, f) > best) best = at(in, b, x, y, f), bx = x, by = y;
  return {best, float(((by + ig.halo.dn) * nx_ext + bx + ig.halo.lt) * 2 + f)};
}

std::string error_of(const test::TempDir& dir, const std::string& extra) {
  try {
    build(dir, extra)->column->initialize();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("pooling connections deliver max, sum and average pooling, the winners and their routing back",
          "[openpv_conns][pooling]") {
  test::TempDir dir;
  auto run = build(dir);
  run->column->initialize();
  run->column->advance();
  run->column->advance();  // the transposes (phase 2) see this step's pooled layers
  const Layer& in = run->get<Layer>("In");
  for (int b = 0; b < 2; ++b)
    for (int f = 0; f < 2; ++f) {
      for (int py = 0; py < 4; ++py)
        for (int px = 0; px < 4; ++px) {
          // maxpooling over 2x2 blocks; the index is the winner's global extended index.
          const BlockMax best = block_max(in, b, px, py, f);
          REQUIRE(v_at(run->get<Layer>("Max"), b, px, py, f) == best.value);
          REQUIRE(v_at(run->get<Layer>("Idx"), b, px, py, f) == best.index);
          // avgpooling over 4x4 windows (pre 2p - 1 .. 2p + 2), weight 1 / (2 * 2 * 2 * 2).
          double sum = 0;
          for (int y = 2 * py - 1; y <= 2 * py + 2; ++y)
            for (int x = 2 * px - 1; x <= 2 * px + 2; ++x) sum += at(in, b, x, y, f);
          REQUIRE(v_at(run->get<Layer>("Avg"), b, px, py, f) == Approx(sum / 16).margin(1e-6));
        }
      for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
          double sum = 0;
          for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) sum += at(in, b, x + dx, y + dy, f);
          REQUIRE(v_at(run->get<Layer>("SumPre"), b, x, y, f) == Approx(sum).margin(1e-5));
          REQUIRE(v_at(run->get<Layer>("SumPost"), b, x, y, f) == Approx(sum).margin(1e-5));
          // Max routed back: a winner gets its block's maximum, every other neuron 0.
          const int px = x / 2, py = y / 2;
          const float block_max = v_at(run->get<Layer>("Max"), b, px, py, f);
          const bool won =
              std::max({at(in, b, 2 * px, 2 * py, f), at(in, b, 2 * px + 1, 2 * py, f),
                        at(in, b, 2 * px, 2 * py + 1, f), at(in, b, 2 * px + 1, 2 * py + 1, f)}) == at(in, b, x, y, f);
          REQUIRE(v_at(run->get<Layer>("Unpooled"), b, x, y, f) == (won ? block_max : 0.0f));
          // Without an index layer the winners are found again from In's activity: the same routing.
          REQUIRE(v_at(run->get<Layer>("UnpooledAlone"), b, x, y, f) == (won ? block_max : 0.0f));
          // The average spread back: the largest of 0 and the averages whose windows hold (x, y): p with
          // 2p - 1 <= x <= 2p + 2, i.e. p from ceil((x - 2) / 2) to floor((x + 1) / 2), within the layer.
          float spread = 0.0f;
          for (int qy = (y - 1) / 2; qy <= (y + 1) / 2; ++qy)
            for (int qx = (x - 1) / 2; qx <= (x + 1) / 2; ++qx)
              if (qx >= 0 && qy >= 0 && qx < 4 && qy < 4 && 2 * qx - 1 <= x && 2 * qy - 1 <= y)
                spread = std::max(spread, v_at(run->get<Layer>("Avg"), b, qx, qy, f));
          REQUIRE(v_at(run->get<Layer>("Spread"), b, x, y, f) == spread);
        }
    }
  // Winner-take-all: the larger of the two features at each position.
  for (int b = 0; b < 2; ++b)
    for (int y = 0; y < 8; ++y)
      for (int x = 0; x < 8; ++x)
        REQUIRE(v_at(run->get<Layer>("Winner"), b, x, y, 0) == std::max(at(in, b, x, y, 0), at(in, b, x, y, 1)));
}

TEST_CASE("an index layer in a later phase than the pooled layer takes the same step's winners",
          "[openpv_conns][pooling]") {
  test::TempDir dir;
  auto run = build(dir, R"(MaxLate = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 1 },
    IdxLate = { groupType = "PoolingIndexLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 3 },
    InToMaxLate = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "MaxLate", channelCode = 0,
                    pvpatchAccumulateType = "maxpooling", nxp = 1, nyp = 1, needPostIndexLayer = true,
                    postIndexLayerName = "IdxLate" },)");
  run->column->initialize();
  run->column->advance();
  const Layer& in = run->get<Layer>("In");
  for (int b = 0; b < 2; ++b)
    for (int f = 0; f < 2; ++f)
      for (int py = 0; py < 4; ++py)
        for (int px = 0; px < 4; ++px)
          REQUIRE(v_at(run->get<Layer>("IdxLate"), b, px, py, f) == block_max(in, b, px, py, f).index);
}

TEST_CASE("pooling connections refuse misfits by name", "[openpv_conns][pooling]") {
  test::TempDir dir;
  CHECK_THAT(error_of(dir, R"(Bad = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "Winner",
               pvpatchAccumulateType = "maxpooling" },)"),
             Catch::Contains("same nf"));
  CHECK_THAT(error_of(dir, R"(Bad = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "Avg",
               pvpatchAccumulateType = "sumpooling", needPostIndexLayer = true, postIndexLayerName = "Idx" },)"),
             Catch::Contains("needPostIndexLayer"));
  CHECK_THAT(error_of(dir, R"(Bad = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "Avg",
               pvpatchAccumulateType = "maxpooling", needPostIndexLayer = true, postIndexLayerName = "Max" },)"),
             Catch::Contains("PoolingIndexLayer"));
  CHECK_THAT(
      error_of(dir, R"(Early = { groupType = "PoolingIndexLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 0 },
               Bad = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "Avg",
               pvpatchAccumulateType = "maxpooling", needPostIndexLayer = true, postIndexLayerName = "Early" },)"),
      Catch::Contains("postIndexLayerName") && Catch::Contains("before the post layer's phase 1"));
  CHECK_THAT(error_of(dir, R"(Bad = { groupType = "PoolingConn", preLayerName = "In", postLayerName = "Avg" },)"),
             Catch::Contains("pvpatchAccumulateType"));
  CHECK_THAT(error_of(dir, R"(Bad = { groupType = "TransposePoolingConn", preLayerName = "Avg",
               postLayerName = "Spread", originalConnName = "InToSumPre" },)"),
             Catch::Contains("needs a pre the size of"));
  CHECK_THAT(error_of(dir, R"(Bad = { groupType = "TransposePoolingConn", preLayerName = "Avg",
               postLayerName = "Spread", originalConnName = "InToMax", updateGSynFromPostPerspective = true },)"),
             Catch::Contains("updateGSynFromPostPerspective"));
  CHECK_THAT(error_of(dir, R"(Bad = { groupType = "WTAConn", preLayerName = "In", postLayerName = "Max" },)"),
             Catch::Contains("same nx and ny"));
}
