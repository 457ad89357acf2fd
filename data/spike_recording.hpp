// Simulated extracellular recordings for spike sorting (E5): a few units with distinct ~4 ms spike shapes fire as
// independent Poisson processes (with a refractory period) into one channel sampled at 10 kHz, with Gaussian noise.
// Everything is a pure function of the seed (counter-based random numbers), so a recording can be remade exactly.
#pragma once
#include <cstdint>
#include <filesystem>
#include <vector>

namespace spv::spikes {

inline constexpr int sample_rate_hz = 10000;
inline constexpr int waveform_samples = 40;  // 4 ms at 10 kHz
inline constexpr int unit_count = 3;

struct RecordingSpec {
  std::uint64_t seed = 1;
  double seconds = 30.0;
  double rate_hz = 30.0;        // mean firing rate of each unit
  double noise_sd = 0.1;        // of the additive Gaussian noise; each waveform's peak |value| is 1
  int refractory_samples = 20;  // no unit fires twice within 2 ms
  int frame_samples = 1024;     // the recording is cut into frames of this many samples
  // Whole frames only: seconds * sample_rate_hz samples, rounded down to a multiple of frame_samples.
  std::int64_t frames() const;
  std::int64_t samples() const { return frames() * frame_samples; }
};

// One spike: the unit and the recording sample where its waveform starts (its first tap).
struct Spike {
  int unit = 0;
  std::int64_t sample = 0;
};

// Waveform of unit u (0 <= u < unit_count), waveform_samples long, peak |value| 1: a sum of Gaussian bumps
// (negative trough with an after-hyperpolarisation, a biphasic positive-first spike, a slow triphasic one).
std::vector<float> unit_waveform(int unit);

// The spikes of every unit over the recording, sorted by sample (ties by unit); waveforms that would run past the
// end of the recording are not started.
std::vector<Spike> spike_train(const RecordingSpec& spec);

// The recording: every spike's waveform added at its sample, plus noise; spec.samples() values.
std::vector<float> synthesize(const RecordingSpec& spec, const std::vector<Spike>& spikes);

// Starting filters for learning: `count` filters of `taps` Gaussian random values under a Gaussian envelope of s.d.
// taps / 8 around the centre tap, each at unit L2 norm. A spike first correlates best with a filter where the
// filter's energy is, so it is learned near the window's centre instead of running off one end.
std::vector<std::vector<float>> initial_filters(std::uint64_t seed, int count, int taps);

// The truth as CSV: "unit,sample,frame,frame_sample" with a header line. Read back by read_spike_csv.
void write_truth_csv(const std::filesystem::path& path, const std::vector<Spike>& spikes, int frame_samples);
// Reads a truth file of write_truth_csv (columns unit and sample are used); throws naming path:line when malformed.
std::vector<Spike> read_truth_csv(const std::filesystem::path& path);

}  // namespace spv::spikes
