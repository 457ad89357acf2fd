// spv-make-spikes: writes a simulated one-channel recording for spike sorting (E5) as a dense PVP file of 1-D
// frames, with the true spike times beside it.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>

#include "core/io/pvp_format.hpp"
#include "data/spike_recording.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-make-spikes --out FILE.pvp [--truth FILE.csv] [--seconds 30] [--rate 30] [--noise 0.1]\n"
    "                       [--seed 1] [--frame 1024]\n"
    "\n"
    "Simulates a recording at 10 kHz: 3 units with distinct 4 ms spike shapes (peak |value| 1) fire as independent\n"
    "Poisson processes of --rate Hz each (no unit twice within 2 ms) and add to Gaussian noise of s.d. --noise.\n"
    "Writes it as a dense PVP activity file of 1-D frames (nx = --frame, ny = nf = 1; frame k, at time k, holds\n"
    "samples k * frame ... (k + 1) * frame - 1; a partial last frame is dropped) and, with --truth, the spikes as\n"
    "CSV \"unit,sample,frame,frame_sample\" (sample: where the waveform starts). The files are a pure function of\n"
    "the arguments.\n"
    "\n"
    "  --help   print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments or a file that cannot be written.\n";

struct Options {
  spv::spikes::RecordingSpec spec;
  std::string out, truth;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--out")
      o.out = args.value();
    else if (arg == "--truth")
      o.truth = args.value();
    else if (arg == "--seconds")
      o.spec.seconds = spv::tool::number(arg, args.value());
    else if (arg == "--rate")
      o.spec.rate_hz = spv::tool::number(arg, args.value());
    else if (arg == "--noise")
      o.spec.noise_sd = spv::tool::number(arg, args.value());
    else if (arg == "--seed")
      o.spec.seed = std::uint64_t(spv::tool::integer(arg, args.value(), 0));
    else if (arg == "--frame")
      o.spec.frame_samples = int(spv::tool::integer(arg, args.value(), 64, 1 << 20));
    else
      spv::tool::unknown_option(arg);
  });
  if (o.help) return o;
  if (o.out.empty()) throw std::runtime_error("--out is required (see --help)");
  if (o.spec.seconds <= 0 || o.spec.seconds > 36000) throw std::runtime_error("--seconds must lie in (0, 36000]");
  if (o.spec.frames() < 1) throw std::runtime_error("--seconds is shorter than one frame");
  if (o.spec.rate_hz < 0 || o.spec.rate_hz > 400) throw std::runtime_error("--rate must lie in [0, 400]");
  if (o.spec.noise_sd < 0) throw std::runtime_error("--noise must be >= 0");
  return o;
}

// Written beside the target and renamed into place, so that a failed run leaves no partial file.
void write_recording(const Options& o, const std::vector<float>& y) {
  const std::filesystem::path out(o.out), part = o.out + ".part";
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  {
    const int n = o.spec.frame_samples;
    spv::PvpActivityFileWriter writer(part, spv::PvpType::Dense, n, 1, 1, 1);
    for (std::int64_t k = 0; k < o.spec.frames(); ++k)
      writer.write_frame(double(k), std::span<const float>(y).subspan(std::size_t(k * n), std::size_t(n)));
    writer.close();
  }
  std::filesystem::rename(part, out);
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-make-spikes", usage_text, argc, argv, parse, [](const Options& o) {
    const auto spikes = spv::spikes::spike_train(o.spec);
    write_recording(o, spv::spikes::synthesize(o.spec, spikes));
    if (!o.truth.empty()) {
      const std::filesystem::path part = o.truth + ".part";
      spv::spikes::write_truth_csv(part, spikes, o.spec.frame_samples);
      std::filesystem::rename(part, o.truth);
    }
    std::printf("wrote %lld frames of %d samples (%.1f s at 10 kHz, %zu spikes of 3 units, seed %llu) to %s\n",
                static_cast<long long>(o.spec.frames()), o.spec.frame_samples,
                double(o.spec.samples()) / spv::spikes::sample_rate_hz, spikes.size(),
                static_cast<unsigned long long>(o.spec.seed), o.out.c_str());
    return 0;
  });
}
