// MaskLayer: A = T(GSyn[0] - GSyn[1]) zeroed where the mask layer's activity is 0 (layer), is not 0 (invertLayer),
// or on the listed features (maskFeatures) / the unlisted ones (noMaskFeatures); a mask of another size is refused.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "core/layer.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

// 2x2x2 input frames: value 1 + neuron index + 10 * frame. The mask (2x2x1) frame 0 opens neurons (0,0) and (1,1);
// frame 1 opens all.
void write_inputs(const std::filesystem::path& dir) {
  PvpActivityFileWriter in(dir / "in.pvp", PvpType::Dense, 2, 2, 2, 1);
  for (int k = 0; k < 2; ++k) {
    std::vector<float> frame(8);
    for (int i = 0; i < 8; ++i) frame[std::size_t(i)] = float(1 + i + 10 * k);
    in.write_frame(double(k), frame);
  }
  in.close();
  PvpActivityFileWriter mask(dir / "mask.pvp", PvpType::Dense, 2, 2, 1, 1);
  mask.write_frame(0.0, std::vector<float>{0.5f, 0.0f, 0.0f, 2.0f});
  mask.write_frame(1.0, std::vector<float>{1.0f, 1.0f, 1.0f, 1.0f});
  mask.close();
}

// small_mask: the mask is a 2x1 ConstantLayer instead of the 2x2 input.
std::string network(const std::string& mask_keys, bool small_mask = false) {
  const std::string gate = small_mask
      ? R"(Gate = { groupType = "ConstantLayer", nf = 1, nyScale = 0.5, phase = 0 },)"
      : R"(Gate = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = here .. "mask.pvp", displayPeriod = 2 },)";
  return R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
return {
  column = { groupType = "HyPerCol", nx = 2, ny = 2, dt = 1, stopTime = 4, outputPath = here .. "out" },
  In = { groupType = "PvpLayer", nf = 2, phase = 0, inputPath = here .. "in.pvp", displayPeriod = 2 },
  )lua" + gate + R"lua(
  Masked = { groupType = "MaskLayer", nf = 2, phase = 1, )lua" + mask_keys + R"lua( },
  InToMasked = { groupType = "IdentConn", preLayerName = "In", postLayerName = "Masked", channelCode = 0 },
}
)lua";
}

std::vector<float> run_and_read(const std::string& mask_keys) {
  test::TempDir dir;
  write_inputs(dir.path());
  test::write_file(dir / "net.lua", network(mask_keys));
  test::ColumnRun run(dir / "net.lua");
  run.column->initialize();
  run.column->advance();  // frame 0 of both
  std::vector<float> out;
  const Layer& l = run.get<Layer>("Masked");
  const LayerGeometry& g = l.geometry();
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 2; ++x)
      for (int f = 0; f < 2; ++f) out.push_back(l.A()[g.ext_index(x, y, f)]);
  run.column->advance();
  run.column->advance();  // frame 1: the mask opens everything
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 2; ++x)
      for (int f = 0; f < 2; ++f) out.push_back(l.A()[g.ext_index(x, y, f)]);
  return out;
}

}  // namespace

TEST_CASE("MaskLayer zeroes activity where its mask says so", "[dsc][mask]") {
  // Neurons (x, y, f) in [y][x][f] order; the frame-0 mask is non-zero at (0,0) and (1,1).
  CHECK(run_and_read(R"(maskMethod = "layer", maskLayerName = "Gate")") ==
        std::vector<float>{1, 2, 0, 0, 0, 0, 7, 8, 11, 12, 13, 14, 15, 16, 17, 18});
  CHECK(run_and_read(R"(maskMethod = "invertLayer", maskLayerName = "Gate")") ==
        std::vector<float>{0, 0, 3, 4, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  CHECK(run_and_read(R"(maskMethod = "maskFeatures", featureIdxs = {1})") ==
        std::vector<float>{1, 0, 3, 0, 5, 0, 7, 0, 11, 0, 13, 0, 15, 0, 17, 0});
  CHECK(run_and_read(R"(maskMethod = "noMaskFeatures", featureIdxs = {1})") ==
        std::vector<float>{0, 2, 0, 4, 0, 6, 0, 8, 0, 12, 0, 14, 0, 16, 0, 18});
}

TEST_CASE("MaskLayer refuses a mask of another size and missing keys", "[dsc][mask]") {
  test::TempDir dir;
  write_inputs(dir.path());
  test::write_file(dir / "a.lua", network(R"(maskMethod = "layer", maskLayerName = "Gate")", true));
  CHECK_THROWS_WITH(test::ColumnRun(dir / "a.lua"), Catch::Contains("Masked") && Catch::Contains("Gate"));
  test::write_file(dir / "b.lua", network(R"(maskMethod = "layer")"));
  CHECK_THROWS_WITH(test::ColumnRun(dir / "b.lua"), Catch::Contains("maskLayerName"));
  test::write_file(dir / "c.lua", network(R"(maskMethod = "maskFeatures", featureIdxs = {2})"));
  CHECK_THROWS_WITH(test::ColumnRun(dir / "c.lua"), Catch::Contains("featureIdxs"));
}
