// The simulated recordings of E5: shapes, firing statistics, the recording as spikes plus noise, and the truth file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "data/spike_recording.hpp"
#include "params/error.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv::spikes;

namespace {
double cosine(const std::vector<float>& a, const std::vector<float>& b) {
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ab += a[i] * b[i], aa += a[i] * a[i], bb += b[i] * b[i];
  return ab / std::sqrt(aa * bb);
}
}  // namespace

TEST_CASE("unit waveforms: 4 ms at 10 kHz, peak |value| 1, distinct", "[data][spikes]") {
  for (int u = 0; u < unit_count; ++u) {
    const auto w = unit_waveform(u);
    REQUIRE(w.size() == 40);
    float peak = 0;
    for (float v : w) peak = std::max(peak, std::abs(v));
    CHECK(peak == Approx(1.0f));
    // Each shape decays to near zero by its end, so a 4 ms window holds it.
    CHECK(std::abs(w.back()) < 0.1f);
    for (int v = 0; v < u; ++v) CHECK(std::abs(cosine(w, unit_waveform(v))) < 0.9);
  }
  CHECK_THROWS(unit_waveform(unit_count));
}

TEST_CASE("spike trains: rate, refractory period, seed", "[data][spikes]") {
  RecordingSpec spec;
  spec.seconds = 60;
  const auto spikes = spike_train(spec);
  std::map<int, std::vector<std::int64_t>> by_unit;
  for (const auto& s : spikes) by_unit[s.unit].push_back(s.sample);
  REQUIRE(by_unit.size() == 3);
  // Bernoulli p = 0.003 per sample with 19 dead samples after each spike: rate = 30 / (1 + 19 * 0.003) = 28.4 Hz,
  // 1,703 spikes in 60 s (Poisson s.d. ~41).
  const double expected = spec.seconds * 30.0 / (1 + 19 * 0.003);
  for (const auto& [unit, times] : by_unit) {
    CHECK(std::abs(double(times.size()) - expected) < 4 * std::sqrt(expected));
    for (std::size_t i = 1; i < times.size(); ++i) REQUIRE(times[i] - times[i - 1] >= 20);
  }
  CHECK(
      std::is_sorted(spikes.begin(), spikes.end(), [](const Spike& a, const Spike& b) { return a.sample < b.sample; }));
  RecordingSpec other = spec;
  other.seed = 2;
  const auto again = spike_train(spec), different = spike_train(other);
  CHECK(again.size() == spikes.size());
  CHECK(std::equal(again.begin(), again.end(), spikes.begin(),
                   [](const Spike& a, const Spike& b) { return a.unit == b.unit && a.sample == b.sample; }));
  CHECK_FALSE((different.size() == spikes.size() && different.front().sample == spikes.front().sample));
}

TEST_CASE("a recording is the waveforms at the spike times plus noise of the given s.d.", "[data][spikes]") {
  RecordingSpec spec;
  spec.seconds = 1.0;  // 9 frames of 1,024 samples
  CHECK(spec.frames() == 9);
  spec.noise_sd = 0;
  const std::vector<Spike> two{{0, 100}, {2, 120}};  // overlapping: samples 120..139 hold both
  const auto y = synthesize(spec, two);
  REQUIRE(y.size() == 9 * 1024);
  const auto a = unit_waveform(0), c = unit_waveform(2);
  CHECK(y[99] == 0.0f);
  CHECK(y[105] == a[5]);
  CHECK(y[125] == Approx(a[25] + c[5]));
  CHECK(y[150] == c[30]);
  CHECK(y[160] == 0.0f);
  spec.noise_sd = 0.25;
  const auto noise = synthesize(spec, {});
  double sum = 0, sq = 0;
  for (float v : noise) sum += v, sq += double(v) * v;
  const double n = double(noise.size()), mean = sum / n;
  CHECK(std::abs(mean) < 4 * 0.25 / std::sqrt(n));
  CHECK(std::sqrt(sq / n - mean * mean) == Approx(0.25).epsilon(0.03));
}

TEST_CASE("truth files round trip and a malformed line names the file and line", "[data][spikes]") {
  spv::test::TempDir dir;
  write_truth_csv(dir / "truth.csv", {{1, 5}, {0, 2050}}, 1024);
  CHECK(spv::test::read_file(dir / "truth.csv") == "unit,sample,frame,frame_sample\n1,5,0,5\n0,2050,2,2\n");
  const auto back = read_truth_csv(dir / "truth.csv");
  REQUIRE(back.size() == 2);
  CHECK(back[1].unit == 0);
  CHECK(back[1].sample == 2050);
  const std::string bad = dir.write("bad.csv", "unit,sample\n0,10\nx,3\n");
  try {
    read_truth_csv(bad);
    FAIL("a malformed truth file was read");
  } catch (const spv::Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("bad.csv:3"));
  }
}
