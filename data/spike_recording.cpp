#include "data/spike_recording.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/errors.hpp"
#include "core/rng.hpp"

namespace spv::spikes {

namespace {

struct Bump {
  double amplitude, centre_ms, width_ms;
};

double bump(const Bump& b, double t_ms) {
  const double z = (t_ms - b.centre_ms) / b.width_ms;
  return b.amplitude * std::exp(-0.5 * z * z);
}

// Shapes chosen to differ the way units on one electrode do: trough width, polarity order and repolarisation.
const std::vector<Bump>& unit_bumps(int unit) {
  static const std::vector<Bump> shapes[unit_count] = {
      {{-1.0, 1.0, 0.18}, {0.30, 1.9, 0.45}},
      {{0.55, 0.8, 0.22}, {-0.85, 1.45, 0.22}, {0.20, 2.4, 0.5}},
      {{-0.5, 1.3, 0.45}, {0.65, 2.5, 0.55}},
  };
  if (unit < 0 || unit >= unit_count) throw std::invalid_argument("unit " + std::to_string(unit) + " out of range");
  return shapes[unit];
}

}  // namespace

std::int64_t RecordingSpec::frames() const {
  if (frame_samples <= 0) throw std::invalid_argument("frame_samples must be positive");
  return std::int64_t(std::floor(seconds * sample_rate_hz)) / frame_samples;
}

std::vector<float> unit_waveform(int unit) {
  std::vector<double> w(waveform_samples, 0.0);
  for (int i = 0; i < waveform_samples; ++i)
    for (const Bump& b : unit_bumps(unit)) w[i] += bump(b, 1000.0 * i / sample_rate_hz);
  double peak = 0;
  for (double v : w) peak = std::max(peak, std::abs(v));
  std::vector<float> out(waveform_samples);
  for (int i = 0; i < waveform_samples; ++i) out[i] = float(w[i] / peak);
  return out;
}

std::vector<Spike> spike_train(const RecordingSpec& spec) {
  const std::int64_t n = spec.samples();
  // Bernoulli per sample with p = rate / fs approximates a Poisson process at this resolution.
  const double p = spec.rate_hz / sample_rate_hz;
  std::vector<Spike> spikes;
  for (int u = 0; u < unit_count; ++u) {
    const RngKey key{spec.seed, hash_name("spike-train") + std::uint64_t(u)};
    for (std::int64_t s = 0; s + waveform_samples <= n; ++s) {
      if (uniform01(key, std::uint64_t(s)) >= p) continue;
      spikes.push_back({u, s});
      s += spec.refractory_samples - 1;
    }
  }
  std::sort(spikes.begin(), spikes.end(), [](const Spike& a, const Spike& b) {
    return a.sample != b.sample ? a.sample < b.sample : a.unit < b.unit;
  });
  return spikes;
}

std::vector<float> synthesize(const RecordingSpec& spec, const std::vector<Spike>& spikes) {
  const std::int64_t n = spec.samples();
  std::vector<float> y(std::size_t(n), 0.0f);
  const RngKey noise{spec.seed, hash_name("spike-noise")};
  for (std::int64_t s = 0; s < n; ++s)
    y[std::size_t(s)] = float(spec.noise_sd * standard_normal(noise, std::uint64_t(s)));
  std::vector<std::vector<float>> shapes;
  for (int u = 0; u < unit_count; ++u) shapes.push_back(unit_waveform(u));
  for (const Spike& sp : spikes)
    for (int i = 0; i < waveform_samples && sp.sample + i < n; ++i) y[std::size_t(sp.sample + i)] += shapes[sp.unit][i];
  return y;
}

std::vector<std::vector<float>> initial_filters(std::uint64_t seed, int count, int taps) {
  if (count < 1 || taps < 1) throw std::invalid_argument("initial_filters: count and taps must be positive");
  const RngKey key{seed, hash_name("spike-initial-filters")};
  const double centre = 0.5 * (taps - 1), sd = taps / 8.0;
  std::vector<std::vector<float>> filters;
  for (int k = 0; k < count; ++k) {
    std::vector<double> g(static_cast<std::size_t>(taps));
    double norm = 0;
    for (int i = 0; i < taps; ++i) {
      const double z = (i - centre) / sd;
      g[std::size_t(i)] =
          standard_normal(key, std::uint64_t(k) * std::uint64_t(taps) + std::uint64_t(i)) * std::exp(-0.5 * z * z);
      norm += g[std::size_t(i)] * g[std::size_t(i)];
    }
    norm = std::sqrt(norm);
    std::vector<float> f(static_cast<std::size_t>(taps));
    for (int i = 0; i < taps; ++i) f[std::size_t(i)] = float(g[std::size_t(i)] / norm);
    filters.push_back(std::move(f));
  }
  return filters;
}

void write_truth_csv(const std::filesystem::path& path, const std::vector<Spike>& spikes, int frame_samples) {
  std::ofstream out(path);
  if (!out) throw IoError(path.string(), "cannot be written");
  out << "unit,sample,frame,frame_sample\n";
  for (const Spike& s : spikes)
    out << s.unit << ',' << s.sample << ',' << s.sample / frame_samples << ',' << s.sample % frame_samples << '\n';
  if (!out) throw IoError(path.string(), "write failed");
}

std::vector<Spike> read_truth_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw IoError(path.string(), "cannot be read");
  std::string line;
  std::vector<Spike> spikes;
  for (int number = 1; std::getline(in, line); ++number) {
    if (number == 1) {
      if (line.rfind("unit,sample", 0) != 0)
        throw IoError(path.string() + ":1", "expected the header \"unit,sample,...\"");
      continue;
    }
    if (line.empty()) continue;
    std::istringstream fields(line);
    Spike s;
    char comma = 0;
    if (!(fields >> s.unit >> comma >> s.sample) || comma != ',' || s.unit < 0 || s.sample < 0)
      throw IoError(path.string() + ":" + std::to_string(number),
                    "expected \"unit,sample,...\", read \"" + line + "\"");
    spikes.push_back(s);
  }
  return spikes;
}

}  // namespace spv::spikes
