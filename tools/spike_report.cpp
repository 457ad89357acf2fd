// spv-spike-report: reads the learned filters and the LCA codes of a spike-sorting run (E5), writes the detected
// spikes as CSV and, given the truth, scores the filters (error at the best shift) and the detections (F1).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/key_value_summary.hpp"
#include "analysis/spike_filter_figure.hpp"
#include "analysis/spike_sorting.hpp"
#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "data/spike_recording.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-spike-report --filters FILTERS.pvp --codes CODE.pvp --spikes-out SPIKES.csv\n"
    "                        [--truth TRUTH.csv] [--summary FILE] [--figure FILE.png] [--min-amplitude 0]\n"
    "                        [--radius 20] [--tolerance 5]\n"
    "\n"
    "FILTERS.pvp: the last frame of the dictionary's shared-weight file (one 1-D kernel of P taps per code feature).\n"
    "CODE.pvp: the code layer's activity, one frame per recording frame (nx = frame samples, ny = 1).\n"
    "Writes SPIKES.csv, \"frame,unit,sample\": per code feature (unit = feature index) every value above\n"
    "--min-amplitude that is the largest of its feature within --radius samples; sample is where the filter's\n"
    "first tap falls in the frame (x - (P - 1) / 2 for a code neuron at x; negative near the frame's left edge).\n"
    "\n"
    "With --truth (a spv-make-spikes truth file), the true shapes are matched to the filters (err = sqrt(1 -\n"
    "<h,g>^2 / (|h|^2 |g|^2)) at the best shift, one filter per unit, least summed error), and each unit's\n"
    "detections are scored against its spikes: within --tolerance samples (5 = 0.5 ms at 10 kHz), one to one; only\n"
    "spikes whose whole waveform lies inside one coded frame are counted. Prints a table; --summary writes it as\n"
    "key=value lines (unit.U.filter_error, unit.U.f1, ...; worst_filter_error, worst_f1); --figure draws each true\n"
    "shape with its learned filter.\n"
    "\n"
    "Exit status 0 on success (whatever the scores), 1 with a message on stderr for bad arguments or files.\n";

struct Options {
  std::string filters, codes, spikes_out, truth, summary, figure;
  double min_amplitude = 0;
  int radius = 20, tolerance = 5;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--filters")
      o.filters = args.value();
    else if (arg == "--codes")
      o.codes = args.value();
    else if (arg == "--spikes-out")
      o.spikes_out = args.value();
    else if (arg == "--truth")
      o.truth = args.value();
    else if (arg == "--summary")
      o.summary = args.value();
    else if (arg == "--figure")
      o.figure = args.value();
    else if (arg == "--min-amplitude")
      o.min_amplitude = spv::tool::number(arg, args.value());
    else if (arg == "--radius")
      o.radius = int(spv::tool::integer(arg, args.value(), 0, 100000));
    else if (arg == "--tolerance")
      o.tolerance = int(spv::tool::integer(arg, args.value(), 0, 100000));
    else
      spv::tool::unknown_option(arg);
  });
  if (o.help) return o;
  for (const auto& [name, value] :
       {std::pair{"--filters", o.filters}, {"--codes", o.codes}, {"--spikes-out", o.spikes_out}})
    if (value.empty()) throw std::runtime_error(std::string(name) + " is required (see --help)");
  return o;
}

// One kernel per code feature, P taps each, from the last weight frame.
std::vector<std::vector<float>> read_filters(const std::string& path) {
  const int frames = spv::count_weight_frames(path);
  const spv::SharedWeights w = spv::read_shared_weights(path, frames - 1);
  if (w.nyp != 1 || w.nfp != 1 || w.arbors != 1 || w.nx_kernel != 1 || w.ny_kernel != 1)
    throw spv::IoError(path, "expected one arbor of 1-D kernels (nyp = nfp = 1, one kernel per feature), read nxp " +
                                 std::to_string(w.nxp) + " nyp " + std::to_string(w.nyp) + " nfp " +
                                 std::to_string(w.nfp) + " kernels " + std::to_string(w.kernels()));
  std::vector<std::vector<float>> filters;
  for (int k = 0; k < w.kernels(); ++k)
    filters.emplace_back(w.values.begin() + std::ptrdiff_t(k) * w.nxp,
                         w.values.begin() + std::ptrdiff_t(k + 1) * w.nxp);
  return filters;
}

int report(const Options& o) {
  const auto filters = read_filters(o.filters);
  const int patch = int(filters.front().size());
  const spv::ActivityFile codes = spv::read_activity_file(o.codes);
  const spv::PvpHeader& h = codes.header;
  if (h.ny != 1 || h.nf != int(filters.size()) || h.nbatch != 1)
    throw spv::IoError(o.codes, "expected nbatch 1, ny 1 and nf " + std::to_string(filters.size()) +
                                    " (one feature per filter), read nbatch " + std::to_string(h.nbatch) + " ny " +
                                    std::to_string(h.ny) + " nf " + std::to_string(h.nf));
  const int n = h.nx;
  std::vector<spv::spikes::Detection> found;
  for (std::size_t k = 0; k < codes.frames.size(); ++k) {
    const auto d = spv::spikes::detect_spikes(codes.frames[k].values, n, h.nf, std::int64_t(k), patch, o.radius,
                                              float(o.min_amplitude));
    found.insert(found.end(), d.begin(), d.end());
  }
  {
    const std::string part = o.spikes_out + ".part";
    std::ofstream out(part);
    out << "frame,unit,sample\n";
    for (const auto& d : found) out << d.frame << ',' << d.filter << ',' << d.first_tap << '\n';
    out.close();
    if (!out) throw spv::IoError(part, "write failed");
    std::filesystem::rename(part, o.spikes_out);
  }
  std::printf("%zu spikes detected in %zu frames of %d samples by %zu filters of %d taps -> %s\n", found.size(),
              codes.frames.size(), n, filters.size(), patch, o.spikes_out.c_str());
  if (o.truth.empty()) return 0;

  std::vector<std::vector<float>> shapes;
  for (int u = 0; u < spv::spikes::unit_count; ++u) shapes.push_back(spv::spikes::unit_waveform(u));
  const auto matches = spv::spikes::match_filters(shapes, filters);
  const auto truth = spv::spikes::read_truth_csv(o.truth);
  const std::int64_t coded = std::int64_t(codes.frames.size()) * n;
  const auto counted = [&](std::int64_t s) {
    return s >= 0 && s < coded && s % n + spv::spikes::waveform_samples <= n;
  };
  spv::KeyValueSummary summary;
  double worst_error = 0, worst_f1 = 1;
  std::printf("\n%-5s %-6s %6s %12s %8s %9s %6s %6s %6s %6s\n", "unit", "filter", "shift", "filter err", "spikes",
              "detected", "TP", "FP", "FN", "F1");
  for (int u = 0; u < int(shapes.size()); ++u) {
    const auto& m = matches[std::size_t(u)];
    std::vector<std::int64_t> want, got;
    for (const auto& s : truth)
      if (s.unit == u) want.push_back(s.sample);
    for (const auto& d : found)
      if (d.filter == m.filter) got.push_back(d.frame * n + d.first_tap + m.alignment.shift);
    const auto score = spv::spikes::score_onsets(want, got, o.tolerance, counted);
    std::int64_t scored = 0;
    for (auto s : want) scored += counted(s);
    std::printf("%-5d %-6d %6d %12.4f %8lld %9d %6d %6d %6d %6.3f\n", u, m.filter, m.alignment.shift, m.alignment.error,
                static_cast<long long>(scored), score.true_positives + score.false_positives, score.true_positives,
                score.false_positives, score.false_negatives, score.f1());
    const std::string key = "unit." + std::to_string(u) + ".";
    summary.set(key + "filter", long(m.filter));
    summary.set(key + "shift", long(m.alignment.shift));
    summary.set(key + "filter_error", m.alignment.error);
    summary.set(key + "spikes", long(scored));
    summary.set(key + "true_positives", long(score.true_positives));
    summary.set(key + "false_positives", long(score.false_positives));
    summary.set(key + "false_negatives", long(score.false_negatives));
    summary.set(key + "precision", score.precision());
    summary.set(key + "recall", score.recall());
    summary.set(key + "f1", score.f1());
    worst_error = std::max(worst_error, m.alignment.error);
    worst_f1 = std::min(worst_f1, score.f1());
  }
  summary.set("worst_filter_error", worst_error);
  summary.set("worst_f1", worst_f1);
  std::printf("worst filter error %.4f (target < 0.1), worst F1 %.3f (target >= 0.9)\n", worst_error, worst_f1);
  if (!o.summary.empty()) summary.write(o.summary);
  if (!o.figure.empty()) spv::write_png(o.figure, spv::spikes::filter_figure(shapes, filters, matches));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-spike-report", usage_text, argc, argv, parse, report);
}
