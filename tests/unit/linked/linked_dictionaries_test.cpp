// Linked dictionaries (E3 in miniature): one LCA code shared by two modalities learns two dictionaries; then with
// the second modality absent (its error path disconnected), the code inferred from the first alone reconstructs the
// second well enough to tell its class.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "core/layer.hpp"
#include "core/rng.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

constexpr int kSide = 8, kPixels = kSide * kSide, kClasses = 4;
constexpr int kTrain = 240, kTest = 40, kPeriod = 40;

// Per class a fixed random binary pattern per modality; samples add a random gain and noise.
struct Data {
  std::vector<std::vector<float>> a_templates, b_templates;
  std::vector<int> train_labels, test_labels;
};

std::vector<float> pattern(const RngKey& key, std::uint64_t id) {
  std::vector<float> p(kPixels);
  for (int i = 0; i < kPixels; ++i) p[std::size_t(i)] = uniform01(key, id * kPixels + std::uint64_t(i)) < 0.3 ? 1.0f : 0.0f;
  return p;
}

void write_modality(const std::filesystem::path& path, const std::vector<std::vector<float>>& templates,
                    const std::vector<int>& labels, const RngKey& key) {
  PvpActivityFileWriter w(path, PvpType::Dense, kSide, kSide, 1, 1);
  for (std::size_t n = 0; n < labels.size(); ++n) {
    const auto& t = templates[std::size_t(labels[n])];
    const double gain = 0.8 + 0.4 * uniform01(key, n, 1);
    std::vector<float> frame(kPixels);
    for (int i = 0; i < kPixels; ++i)
      frame[std::size_t(i)] = float(gain * t[std::size_t(i)] + 0.05 * standard_normal(key, n * kPixels + std::uint64_t(i), 2));
    w.write_frame(double(n), frame);
  }
  w.close();
}

double cosine(const std::vector<float>& x, const std::vector<float>& y) {
  double xy = 0, xx = 0, yy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    xy += double(x[i]) * y[i];
    xx += double(x[i]) * x[i];
    yy += double(y[i]) * y[i];
  }
  return xx > 0 && yy > 0 ? xy / std::sqrt(xx * yy) : 0.0;
}

const char* kNetwork = R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
local learn = LEARN
local function input(file) return { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = here .. file,
                                    displayPeriod = PERIOD, batchMethod = "byFile" } end
local function dictionary(post, file)
  local c = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = post, channelCode = 1, nxp = 8, nyp = 8,
              normalizeMethod = "normalizeL2", strength = 1, writeStep = learn and STOP or -1,
              initialWriteTime = STOP }
  if learn then
    c.weightInitType = "UniformRandomWeight"; c.wMinInit = -1; c.wMaxInit = 1
    c.plasticityFlag = true; c.triggerLayerName = "InputA"; c.triggerOffset = 1; c.dWMax = 0.2
    c.normalizeOnWeightUpdate = true
  else
    c.weightInitType = "FileWeight"; c.initWeightsFile = here .. file
  end
  return c
end
local net = {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, nbatch = 4, dt = 1, stopTime = STOP, outputPath = here .. "out" },
  InputA = input(learn and "train_a.pvp" or "test_a.pvp"),
  ErrorA = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  ErrorB = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  Code = { groupType = "HyPerLCALayer", nxScale = 0.125, nyScale = 0.125, nf = 16, phase = 2, VThresh = 0.05,
           AShift = 0.05, AMin = 0, timeConstantTau = 5, triggerLayerName = "InputA",
           triggerBehavior = "resetStateOnTrigger" },
  AToError = { groupType = "IdentConn", preLayerName = "InputA", postLayerName = "ErrorA", channelCode = 0 },
  CodeToA = dictionary("ErrorA", "out/CodeToA.pvp"),
  CodeToB = dictionary("ErrorB", "out/CodeToB.pvp"),
  ErrorAToCode = { groupType = "TransposeConn", preLayerName = "ErrorA", postLayerName = "Code", channelCode = 0,
                   originalConnName = "CodeToA" },
  ErrorBToCode = { groupType = "TransposeConn", preLayerName = "ErrorB", postLayerName = "Code",
                   channelCode = learn and 0 or -1, originalConnName = "CodeToB" },
}
if learn then
  net.InputB = input("train_b.pvp")
  net.BToError = { groupType = "IdentConn", preLayerName = "InputB", postLayerName = "ErrorB", channelCode = 0 }
else
  -- Modality B is absent: its reconstruction comes from the code alone.
  net.ReconB = { groupType = "HyPerLayer", nf = 1, phase = 3 }
  net.CodeToReconB = { groupType = "CloneConn", preLayerName = "Code", postLayerName = "ReconB", channelCode = 0,
                       originalConnName = "CodeToB" }
end
return net
)lua";

std::string network(bool learn, int stop) {
  std::string s = kNetwork;
  auto replace = [&](const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  };
  replace("LEARN", learn ? "true" : "false");
  replace("PERIOD", std::to_string(kPeriod));
  replace("STOP", std::to_string(stop));
  return s;
}

}  // namespace

TEST_CASE("a code inferred from one modality reconstructs the other (linked dictionaries)", "[linked]") {
  test::TempDir dir;
  const RngKey templates{11, 1}, samples{11, 2};
  Data d;
  for (int c = 0; c < kClasses; ++c) {
    d.a_templates.push_back(pattern(templates, std::uint64_t(c)));
    d.b_templates.push_back(pattern(templates, std::uint64_t(100 + c)));
  }
  for (int n = 0; n < kTrain; ++n) d.train_labels.push_back(int(uniform01(samples, std::uint64_t(n), 7) * kClasses));
  for (int n = 0; n < kTest; ++n) d.test_labels.push_back(int(uniform01(samples, std::uint64_t(n), 8) * kClasses));
  write_modality(dir / "train_a.pvp", d.a_templates, d.train_labels, RngKey{12, 1});
  write_modality(dir / "train_b.pvp", d.b_templates, d.train_labels, RngKey{12, 2});
  write_modality(dir / "test_a.pvp", d.a_templates, d.test_labels, RngKey{13, 1});

  // Learning: 240 images in batches of 4, kPeriod steps each; weights written at the end.
  const int learn_stop = kTrain / 4 * kPeriod;
  test::write_file(dir / "learn.lua", network(true, learn_stop));
  {
    test::ColumnRun run(dir / "learn.lua");
    run.column->initialize();
    run.column->open_outputs();
    run.column->run();
    run.column->finish();
  }
  REQUIRE(std::filesystem::exists(dir / "out" / "CodeToB.pvp"));

  // Inference from modality A alone; read B's reconstruction at the last step of each display period.
  const int infer_stop = kTest / 4 * kPeriod;
  test::write_file(dir / "infer.lua", network(false, infer_stop));
  test::ColumnRun run(dir / "infer.lua");
  run.column->initialize();
  int correct = 0;
  for (int period = 0; period < kTest / 4; ++period) {
    for (int s = 0; s < kPeriod; ++s) run.column->advance();
    const Layer& recon = run.get<Layer>("ReconB");
    const LayerGeometry& g = recon.geometry();
    for (int b = 0; b < 4; ++b) {
      std::vector<float> r(kPixels);
      for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x)
          r[std::size_t(y * kSide + x)] = recon.A()[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, 0)];
      int best = 0;
      for (int c = 1; c < kClasses; ++c)
        if (cosine(r, d.b_templates[std::size_t(c)]) > cosine(r, d.b_templates[std::size_t(best)])) best = c;
      correct += best == d.test_labels[std::size_t(period * 4 + b)];
    }
  }
  // Chance is 1/4; a reconstruction that carries the class across modalities names it almost always. Margin: 90%.
  INFO("cross-modal reconstructions naming the right class: " << correct << " of " << kTest);
  CHECK(correct >= kTest * 9 / 10);
}
