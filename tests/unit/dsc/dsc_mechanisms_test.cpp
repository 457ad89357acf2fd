// E4's two mechanisms on a tiny two-modality network (vision: input -> Vision1 -> Joint; text: input -> Text1 ->
// Joint), checked against their direct computation from the layers' own outputs at a step:
// - the V handed up (a CloneVLayer of Vision1) equals Vision1's V;
// - the feedback delivered into Vision1 (and Text1) is the joint layer's residual of that V, r = V - Phi_J a_J,
//   and Vision1's update is exactly the LCA step with it subtracted;
// - the joint layer's drive is W^T times those residuals (both streams);
// - with the feedback switch off the term is absent (the same update without it).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "connections/hyper_conn.hpp"
#include "core/io/pvp_format.hpp"
#include "core/layer.hpp"
#include "core/rng.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

constexpr double kTau = 5.0;

const char* kNetwork = R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
local fb = FEEDBACK
local function input(file, nys) return { groupType = "PvpLayer", nxScale = 1, nyScale = nys, nf = 1, phase = 0,
  inputPath = here .. file, displayPeriod = 20, batchMethod = "byFile" } end
local function lca(nf) return { groupType = "HyPerLCALayer", nxScale = 0.25, nyScale = 0.25, nf = nf, phase = 2,
  VThresh = 0.05, AShift = 0.05, AMin = 0, timeConstantTau = TAU, selfInteract = true,
  triggerLayerName = "Vision", triggerBehavior = "resetStateOnTrigger" } end
local function dict(pre, post, nxp, nyp) return { groupType = "HyPerConn", preLayerName = pre, postLayerName = post,
  channelCode = 1, nxp = nxp, nyp = nyp, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
  normalizeMethod = "normalizeL2", strength = 1 } end
local function err(nys, nf) return { groupType = "HyPerLayer", nxScale = 1 / (nf > 1 and 4 or 1), nyScale = nys,
  nf = nf, phase = 1 } end
local function transpose(pre, post, orig) return { groupType = "TransposeConn", preLayerName = pre,
  postLayerName = post, channelCode = 0, originalConnName = orig } end
return {
  column = { groupType = "HyPerCol", nx = 4, ny = 4, nbatch = 1, dt = 1, stopTime = 60, outputPath = here .. "out" },
  Vision = input("vision.pvp", 1), Text = input("text.pvp", 0.5),
  VisionError = err(1, 1), TextError = err(0.5, 1),
  Vision1 = lca(6), Text1 = lca(5), Joint = lca(4),
  Vision1V = { groupType = "CloneVLayer", originalLayerName = "Vision1", nxScale = 0.25, nyScale = 0.25, nf = 6,
               phase = 3 },
  Text1V = { groupType = "CloneVLayer", originalLayerName = "Text1", nxScale = 0.25, nyScale = 0.25, nf = 5,
             phase = 3 },
  JointVisionError = err(0.25, 6), JointTextError = err(0.25, 5),
  VisionToError = { groupType = "IdentConn", preLayerName = "Vision", postLayerName = "VisionError", channelCode = 0 },
  TextToError = { groupType = "IdentConn", preLayerName = "Text", postLayerName = "TextError", channelCode = 0 },
  Vision1Dict = dict("Vision1", "VisionError", 4, 4), Text1Dict = dict("Text1", "TextError", 4, 2),
  VisionErrorToVision1 = transpose("VisionError", "Vision1", "Vision1Dict"),
  TextErrorToText1 = transpose("TextError", "Text1", "Text1Dict"),
  Vision1VToError = { groupType = "IdentConn", preLayerName = "Vision1V", postLayerName = "JointVisionError",
                      channelCode = 0 },
  Text1VToError = { groupType = "IdentConn", preLayerName = "Text1V", postLayerName = "JointTextError",
                    channelCode = 0 },
  JointVisionDict = dict("Joint", "JointVisionError", 1, 1), JointTextDict = dict("Joint", "JointTextError", 1, 1),
  JointVisionErrorToJoint = transpose("JointVisionError", "Joint", "JointVisionDict"),
  JointTextErrorToJoint = transpose("JointTextError", "Joint", "JointTextDict"),
  JointVisionErrorToVision1 = { groupType = "IdentConn", preLayerName = "JointVisionError", postLayerName = "Vision1",
                                channelCode = fb and 1 or -1 },
  JointTextErrorToText1 = { groupType = "IdentConn", preLayerName = "JointTextError", postLayerName = "Text1",
                            channelCode = fb and 1 or -1 },
}
)lua";

std::string network(bool feedback) {
  std::string s = kNetwork;
  auto replace = [&](const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  };
  replace("FEEDBACK", feedback ? "true" : "false");
  replace("TAU", std::to_string(kTau));
  return s;
}

void write_frames(const std::filesystem::path& path, int nx, int ny, std::uint64_t stream) {
  PvpActivityFileWriter w(path, PvpType::Dense, nx, ny, 1, 1);
  for (int k = 0; k < 3; ++k) {
    std::vector<float> frame(std::size_t(nx) * ny);
    for (std::size_t i = 0; i < frame.size(); ++i) frame[i] = float(uniform01(RngKey{5, stream}, k * 100 + i));
    w.write_frame(double(k), frame);
  }
  w.close();
}

// A layer's activity (interior, batch 0) and V as flat [y][x][f] vectors.
std::vector<float> activity(const Layer& l) {
  const LayerGeometry& g = l.geometry();
  std::vector<float> out;
  for (int y = 0; y < g.ny; ++y)
    for (int x = 0; x < g.nx; ++x)
      for (int f = 0; f < g.nf; ++f) out.push_back(l.A()[g.ext_index(x, y, f)]);
  return out;
}
std::vector<float> potential(const Layer& l) { return {l.V().begin(), l.V().end()}; }

// W^T r for a dictionary whose pre layer is 1x1 (kernel k = pre feature k, its patch covering all of r).
std::vector<double> transpose_times(const WeightStore& w, const std::vector<float>& r) {
  std::vector<double> out(std::size_t(w.kernels()), 0.0);
  for (int k = 0; k < w.kernels(); ++k) {
    const auto patch = w.kernel(0, k);
    REQUIRE(patch.size() == r.size());
    for (std::size_t i = 0; i < r.size(); ++i) out[std::size_t(k)] += double(patch[i]) * r[i];
  }
  return out;
}

// Phi a for such a dictionary.
std::vector<double> times(const WeightStore& w, const std::vector<float>& a) {
  std::vector<double> out(w.patch_size(), 0.0);
  for (int k = 0; k < w.kernels(); ++k) {
    const auto patch = w.kernel(0, k);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] += double(patch[i]) * a[std::size_t(k)];
  }
  return out;
}

struct Snapshot {
  std::vector<float> v1_V, v1_A, t1_V, t1_A, joint_V, joint_A;
};

Snapshot take(const test::ColumnRun& run) {
  return {potential(run.get<Layer>("Vision1")), activity(run.get<Layer>("Vision1")),
          potential(run.get<Layer>("Text1")),   activity(run.get<Layer>("Text1")),
          potential(run.get<Layer>("Joint")),   activity(run.get<Layer>("Joint"))};
}

double max_abs(const std::vector<double>& x) {
  double m = 0;
  for (double v : x) m = std::max(m, std::fabs(v));
  return m;
}

// Runs `steps` steps, then checks one step (t -> t+1) of the lower layer `lower` against its direct computation.
void check_step(bool feedback, int steps) {
  test::TempDir dir;
  write_frames(dir / "vision.pvp", 4, 4, 1);
  write_frames(dir / "text.pvp", 4, 2, 2);
  test::write_file(dir / "net.lua", network(feedback));
  test::ColumnRun run(dir / "net.lua");
  run.column->initialize();
  for (int s = 0; s < steps; ++s) run.column->advance();

  const auto& v1dict = run.get<HyPerConnBase>("Vision1Dict").weights();
  const auto& t1dict = run.get<HyPerConnBase>("Text1Dict").weights();
  const auto& jv = run.get<HyPerConnBase>("JointVisionDict").weights();
  const auto& jt = run.get<HyPerConnBase>("JointTextDict").weights();

  // The V handed up is the lower layer's V, exactly (A = V: the clone's threshold is -infinity).
  CHECK(activity(run.get<Layer>("Vision1V")) == potential(run.get<Layer>("Vision1")));
  CHECK(activity(run.get<Layer>("Text1V")) == potential(run.get<Layer>("Text1")));

  const Snapshot before = take(run);
  REQUIRE(max_abs({before.joint_A.begin(), before.joint_A.end()}) > 0.0);  // the joint layer is active
  run.column->advance();
  const Snapshot after = take(run);
  const double decay = std::exp(-1.0 / kTau);
  // Float sums in another order than the library's: 1e-5 relative to the terms' size.
  const double tol = 1e-5;

  struct Lower {
    const char* error;  // the joint layer's residual of this layer's V (what the feedback connection delivers)
    const char* input_error;
    const WeightStore* dict;
    const WeightStore* joint_dict;
    const std::vector<float>* V;
    const std::vector<float>* A;
    const std::vector<float>* V_next;
  };
  const Lower lowers[2] = {{"JointVisionError", "VisionError", &v1dict, &jv, &before.v1_V, &before.v1_A, &after.v1_V},
                           {"JointTextError", "TextError", &t1dict, &jt, &before.t1_V, &before.t1_A, &after.t1_V}};
  std::vector<double> joint_drive(before.joint_V.size(), 0.0);
  for (const Lower& l : lowers) {
    // Direct computation: r = V(t) - Phi_J a_J(t), from the layers' own outputs.
    const std::vector<double> recon = times(*l.joint_dict, before.joint_A);
    std::vector<double> r(recon.size());
    for (std::size_t i = 0; i < r.size(); ++i) r[i] = double((*l.V)[i]) - recon[i];
    const std::vector<float> delivered = activity(run.get<Layer>(l.error));
    REQUIRE(delivered.size() == r.size());
    for (std::size_t i = 0; i < r.size(); ++i) CHECK(delivered[i] == Approx(r[i]).margin(tol));
    REQUIRE(max_abs(r) > 1e-2);  // the term is not negligible, so its presence or absence shows below

    // The lower layer's LCA step, with the feedback term subtracted (or not).
    const std::vector<double> drive = transpose_times(*l.dict, activity(run.get<Layer>(l.input_error)));
    for (std::size_t f = 0; f < drive.size(); ++f) {
      const double fb = feedback ? r[f] : 0.0;
      const double expected = decay * (*l.V)[f] + (1 - decay) * (drive[f] - fb + (*l.A)[f]);
      CHECK((*l.V_next)[f] == Approx(expected).margin(tol));
    }
    // Switched off, the same update with the term would be visibly different.
    if (!feedback) {
      double differs = 0;
      for (std::size_t f = 0; f < drive.size(); ++f)
        differs = std::max(differs, std::fabs((1 - decay) * r[f]));
      CHECK(differs > 1e-3);
    }
    // The joint layer's drive: W^T times the residual, summed over both streams.
    const std::vector<double> up = transpose_times(*l.joint_dict, delivered);
    for (std::size_t k = 0; k < up.size(); ++k) joint_drive[k] += up[k];
  }
  for (std::size_t k = 0; k < joint_drive.size(); ++k) {
    const double expected = decay * before.joint_V[k] + (1 - decay) * (joint_drive[k] + before.joint_A[k]);
    CHECK(after.joint_V[k] == Approx(expected).margin(tol));
  }
}

}  // namespace

TEST_CASE("deep sparse coding: V handed up, feedback equals the joint residual, joint drive is W^T r", "[dsc]") {
  for (int steps : {7, 13}) check_step(true, steps);
}

TEST_CASE("deep sparse coding: with the feedback switch off the term is absent", "[dsc]") {
  for (int steps : {7, 13}) check_step(false, steps);
}
