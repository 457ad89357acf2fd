// The LCA layer, wired as in the tutorial, converges to the non-negative LASSO minimiser that an independent ISTA
// solver finds, and the energy probe equals 1/2||x - Phi a||^2 + lambda||a||_1 from the layers' own outputs.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "core/layer.hpp"
#include "core/probe.hpp"
#include "core/rng.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

constexpr int kNx = 8, kNy = 8;       // error/input layer, one feature
constexpr int kCx = 4, kCy = 4;       // code layer (stride 2)
constexpr int kF = 4, kPatch = 4;     // code features, patch size in input pixels
constexpr double kLambda = 0.1;

// Phi as an explicit (input pixel) x (code neuron) matrix, built from the kernels with the one-to-many convention
// (code neuron i's patch starts at input 2i - (patch - 2)/2), clipped at the layer edge.
std::vector<double> dictionary_matrix(const std::vector<float>& kernels) {
  const int n_in = kNx * kNy, n_code = kCx * kCy * kF;
  std::vector<double> phi(std::size_t(n_in) * n_code, 0.0);
  for (int cy = 0; cy < kCy; ++cy)
    for (int cx = 0; cx < kCx; ++cx)
      for (int f = 0; f < kF; ++f)
        for (int py = 0; py < kPatch; ++py)
          for (int px = 0; px < kPatch; ++px) {
            int x = 2 * cx - (kPatch - 2) / 2 + px, y = 2 * cy - (kPatch - 2) / 2 + py;
            if (x < 0 || y < 0 || x >= kNx || y >= kNy) continue;
            int code = (cy * kCx + cx) * kF + f;
            phi[std::size_t(y * kNx + x) * n_code + code] = kernels[std::size_t(f * kPatch * kPatch + py * kPatch + px)];
          }
  return phi;
}

// Non-negative ISTA on 1/2||x - Phi a||^2 + lambda sum(a), a >= 0, run to convergence in double precision.
std::vector<double> ista(const std::vector<double>& phi, const std::vector<double>& x, int n_code) {
  const int n_in = int(x.size());
  std::vector<double> a(static_cast<std::size_t>(n_code), 0.0), r(static_cast<std::size_t>(n_in));
  const double step = 0.1;  // below 1/L: ||Phi||^2 <= 4 here (unit-norm kernels overlap at most 4 times)
  for (int it = 0; it < 200000; ++it) {
    for (int i = 0; i < n_in; ++i) {
      double s = x[std::size_t(i)];
      for (int j = 0; j < n_code; ++j) s -= phi[std::size_t(i) * n_code + j] * a[std::size_t(j)];
      r[std::size_t(i)] = s;
    }
    double change = 0;
    for (int j = 0; j < n_code; ++j) {
      double g = 0;
      for (int i = 0; i < n_in; ++i) g += phi[std::size_t(i) * n_code + j] * r[std::size_t(i)];
      double next = std::max(0.0, a[std::size_t(j)] + step * g - step * kLambda);
      change = std::max(change, std::fabs(next - a[std::size_t(j)]));
      a[std::size_t(j)] = next;
    }
    if (change < 1e-12) break;
  }
  return a;
}

}  // namespace

TEST_CASE("LCA reaches the LASSO minimiser found by ISTA, and the energy probe matches the formula", "[lca]") {
  test::TempDir dir;
  // A fixed image and unit-norm kernels from the counter-based generator.
  const RngKey key{42, 7};
  std::vector<float> x(std::size_t(kNx * kNy));
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = float(standard_normal(key, i));
  SharedWeights w;
  w.nxp = w.nyp = kPatch;
  w.nfp = 1;
  w.nf_kernel = kF;
  w.values.resize(std::size_t(kF * kPatch * kPatch));
  for (int f = 0; f < kF; ++f) {
    double norm = 0;
    for (int k = 0; k < kPatch * kPatch; ++k) {
      float v = float(standard_normal(key, 1000 + std::size_t(f * 100 + k)));
      w.values[std::size_t(f * kPatch * kPatch + k)] = v;
      norm += double(v) * v;
    }
    for (int k = 0; k < kPatch * kPatch; ++k) w.values[std::size_t(f * kPatch * kPatch + k)] /= float(std::sqrt(norm));
  }
  {
    PvpActivityFileWriter xw(dir / "x.pvp", PvpType::Dense, kNx, kNy, 1, 1);
    xw.write_frame(0.0, x);
    xw.close();
  }
  write_shared_weights(dir / "w.pvp", w, false);
  test::write_file(dir / "lasso.lua", R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = 5000 },
  Input = { groupType = "ConstantLayer", nf = 1, InitVType = "InitVFromFile", Vfilename = here .. "x.pvp" },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  Code = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 4, phase = 2,
           VThresh = 0.1, AShift = 0.1, AMin = 0, timeConstantTau = 10, selfInteract = true },
  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  CodeToError = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Error", channelCode = 1,
                  nxp = 4, nyp = 4, weightInitType = "FileWeight", initWeightsFile = here .. "w.pvp",
                  normalizeMethod = "none" },
  ErrorToCode = { groupType = "TransposeConn", preLayerName = "Error", postLayerName = "Code", channelCode = 0,
                  originalConnName = "CodeToError", updateGSynFromPostPerspective = true },
  Energy = { groupType = "ColumnEnergyProbe" },
  ErrorL2 = { groupType = "L2NormProbe", targetLayer = "Error", energyProbe = "Energy", coefficient = 0.5, exponent = 2 },
  CodeL1 = { groupType = "L1NormLCAProbe", targetLayer = "Code", energyProbe = "Energy" },
}
)lua");
  test::ColumnRun run(dir / "lasso.lua");
  run.column->initialize();
  run.column->run();

  const int n_code = kCx * kCy * kF;
  std::vector<double> xd(x.begin(), x.end());
  const std::vector<double> phi = dictionary_matrix(w.values);
  const std::vector<double> expected = ista(phi, xd, n_code);

  const Layer& code = run.get<Layer>("Code");
  const LayerGeometry& g = code.geometry();
  std::vector<double> a(static_cast<std::size_t>(n_code));
  for (int y = 0; y < g.ny; ++y)
    for (int xx = 0; xx < g.nx; ++xx)
      for (int f = 0; f < g.nf; ++f) a[g.index(xx, y, f)] = code.A()[g.ext_index(xx, y, f)];

  int active = 0;
  for (int j = 0; j < n_code; ++j) {
    INFO("code neuron " << j);
    // float32 dynamics against a double-precision solver, both converged: 1e-4 absolute.
    CHECK(a[std::size_t(j)] == Approx(expected[std::size_t(j)]).margin(1e-4));
    active += expected[std::size_t(j)] > 0;
  }
  CHECK(active > 0);           // the problem is not trivially solved by a = 0
  CHECK(active < n_code / 2);  // and the threshold made the code sparse

  // The energy probe against the formula, from the layers' own buffers (the residual the error layer holds and the
  // code it was computed against): 1e-6 relative, float sums accumulated in double by both.
  const Layer& error = run.get<Layer>("Error");
  const LayerGeometry& ge = error.geometry();
  double r2 = 0, l1 = 0;
  for (int y = 0; y < ge.ny; ++y)
    for (int xx = 0; xx < ge.nx; ++xx) {
      double r = error.A()[ge.ext_index(xx, y, 0)];
      r2 += r * r;
    }
  for (double v : a) l1 += std::fabs(v);
  const double formula = 0.5 * r2 + kLambda * l1;
  const Probe& energy = run.get<Probe>("Energy");
  REQUIRE(energy.values().size() == 1);
  CHECK(energy.values()[0] == Approx(formula).epsilon(1e-6));
}
