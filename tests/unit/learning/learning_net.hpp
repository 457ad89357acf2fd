// Helpers of the learning tests: input frames and initial weights written as PVP files, and the tiny network they
// feed (a 1x1 code "Code" and a 2x2 residual "Err", both inputs, so that every activity is set by hand).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "connections/hyper_conn.hpp"
#include "core/io/pvp_format.hpp"
#include "tests/support/column_fixture.hpp"

namespace spv::test {

// One dense frame per entry of `frames`, each nx * ny * nf values.
inline void write_frames(const std::filesystem::path& path, int nx, int ny, int nf,
                         const std::vector<std::vector<float>>& frames) {
  PvpActivityFileWriter w(path, PvpType::Dense, nx, ny, nf, 1);
  for (std::size_t k = 0; k < frames.size(); ++k) w.write_frame(double(k), frames[k]);
  w.close();
}

// `arbors` arbors of `kernels` kernels on a 1x1 kernel grid (nf_kernel = kernels), patch nxp x nyp x nfp.
inline void write_weights(const std::filesystem::path& path, int nxp, int nyp, int nfp, int kernels,
                          std::vector<float> values, int arbors = 1) {
  SharedWeights w;
  w.arbors = arbors;
  w.nxp = nxp;
  w.nyp = nyp;
  w.nfp = nfp;
  w.nf_kernel = kernels;
  w.values = std::move(values);
  write_shared_weights(path, w, false);
}

// Code (1x1x1) -> Err (2x2x1) through the plastic "Dict" (2x2 patch, weights from w0.pvp, channel -1): Code shows
// code.pvp and Err shows err.pvp, frame k during the step ending at t = k + 1. `dict` adds keys to Dict (by default
// it learns at every step); `extra` is Lua run on the table `net` before it is returned.
inline std::string tiny_network(const std::string& dict, const std::string& extra = "",
                                const std::string& schedule = "weightUpdatePeriod = 1") {
  return R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
local net = {
  column = { groupType = "HyPerCol", nx = 2, ny = 2, dt = 1, stopTime = 10 },
  Code = { groupType = "PvpLayer", nxScale = 0.5, nyScale = 0.5, nf = 1, phase = 0, inputPath = here .. "code.pvp",
           displayPeriod = 1 },
  Err = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = here .. "err.pvp", displayPeriod = 1 },
  Dict = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Err", channelCode = -1, nxp = 2, nyp = 2,
           weightInitType = "FileWeight", initWeightsFile = here .. "w0.pvp", normalizeMethod = "none",
           plasticityFlag = true, )lua" +
         schedule + ", " + dict + R"lua( },
}
)lua" + extra + "\nreturn net\n";
}

inline std::vector<float> weights_of(const ColumnRun& run, const std::string& conn) {
  std::span<const float> v = run.get<HyPerConnBase>(conn).weights().values();
  return {v.begin(), v.end()};
}

// The tiny network on fixed data: W0 = (1/2, -1/4, 1/8, 1), dWMax = 1/2; code a = 2 then 1 then 0; residual
// r1 = (1, 1/2, -1, 1/4) then r2 = (1/2, 1/2, -1/2, 1) then 0 (the frames repeat). The raw change of update k is
// dWMax a_k r_k; each weight has one contributor, so normalizeDw divides by 1.
struct TinyRun {
  TempDir dir;
  std::unique_ptr<ColumnRun> run;
  // `arbors`: every arbor starts at W0 (Dict must set numAxonalArbors to match).
  explicit TinyRun(const std::string& dict, const std::string& extra = "",
                   const std::string& schedule = "weightUpdatePeriod = 1", int arbors = 1) {
    write_frames(dir / "code.pvp", 1, 1, 1, {{2.0f}, {1.0f}, {0.0f}});
    write_frames(dir / "err.pvp", 2, 2, 1,
                 {{1.0f, 0.5f, -1.0f, 0.25f}, {0.5f, 0.5f, -0.5f, 1.0f}, {0.0f, 0.0f, 0.0f, 0.0f}});
    std::vector<float> w0;
    for (int a = 0; a < arbors; ++a) w0.insert(w0.end(), {0.5f, -0.25f, 0.125f, 1.0f});
    write_weights(dir / "w0.pvp", 2, 2, 1, 1, w0, arbors);
    write_file(dir / "net.lua", tiny_network("dWMax = 0.5, " + dict, extra, schedule));
    run = std::make_unique<ColumnRun>(dir / "net.lua");
    run->column->initialize();
  }
  // Advances one step; returns Dict's weights.
  std::vector<float> step() {
    run->column->advance();
    return weights_of(*run, "Dict");
  }
};

}  // namespace spv::test
