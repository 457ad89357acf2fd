// spv-v1-report: how V1-like is a dictionary learned from natural images (E2)? Fits a 2-D Gabor to each element and
// measures the code's reconstruction PSNR and share of active neurons.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/gabor_fit.hpp"
#include "analysis/key_value_summary.hpp"
#include "core/errors.hpp"
#include "core/io/pvp_format.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-v1-report --weights DICT.pvp [--input INPUT.pvp --error ERROR.pvp] [--code CODE.pvp]\n"
    "                     [--fits FITS.csv] [--summary FILE]\n"
    "\n"
    "DICT.pvp: a shared-weight file of one-channel elements (nfp = 1); its last frame is read. Each element is fitted\n"
    "with a 2-D Gabor (envelope centre, orientation, two s.d., frequency; amplitude and phase by least squares) and\n"
    "counted as V1-like (localised, oriented, band-pass) when its best fit with at least half a cycle across the\n"
    "element has R^2 >= 0.8, the envelope centre inside, at most a quarter of the element wide across the\n"
    "orientation and at most the element long along it. --fits writes one CSV row per element (the free fit).\n"
    "With --input and --error (the input and the residual input - reconstruction, written once per image), the\n"
    "reconstruction PSNR 10 log10(range^2 / MSE) per frame, range = max - min of the input frame, averaged over\n"
    "frames. With --code, the share of code neurons active (non-zero) over its frames.\n"
    "Prints the figures; --summary writes them as key=value lines (elements, r2_at_least_0_8, v1_like, psnr_db,\n"
    "active_share).\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments or files.\n";

struct Options {
  std::string weights, input, error, code, fits, summary;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--weights")
      o.weights = args.value();
    else if (arg == "--input")
      o.input = args.value();
    else if (arg == "--error")
      o.error = args.value();
    else if (arg == "--code")
      o.code = args.value();
    else if (arg == "--fits")
      o.fits = args.value();
    else if (arg == "--summary")
      o.summary = args.value();
    else
      spv::tool::unknown_option(arg);
  });
  if (o.help) return o;
  if (o.weights.empty()) throw std::runtime_error("--weights is required (see --help)");
  if (o.input.empty() != o.error.empty()) throw std::runtime_error("--input and --error go together");
  return o;
}

double mean_psnr(const std::string& input_path, const std::string& error_path) {
  const spv::ActivityFile input = spv::read_activity_file(input_path), error = spv::read_activity_file(error_path);
  if (input.frames.size() != error.frames.size() || input.frames.empty() ||
      input.frames[0].values.size() != error.frames[0].values.size())
    throw spv::IoError(error_path, "does not match " + input_path + " frame for frame");
  double sum = 0;
  for (std::size_t k = 0; k < input.frames.size(); ++k) {
    const auto& x = input.frames[k].values;
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    double mse = 0;
    for (float e : error.frames[k].values) mse += double(e) * e;
    mse /= double(x.size());
    sum += 10 * std::log10(double(*hi - *lo) * double(*hi - *lo) / std::max(mse, 1e-30));
  }
  return sum / double(input.frames.size());
}

int report(const Options& o) {
  const spv::SharedWeights w = spv::read_shared_weights(o.weights, spv::count_weight_frames(o.weights) - 1);
  if (w.nfp != 1)
    throw spv::IoError(o.weights, "expected one-channel elements (nfp = 1), read nfp " + std::to_string(w.nfp));
  const int n = w.kernels() * w.arbors;
  std::ofstream fits;
  if (!o.fits.empty()) {
    fits.open(o.fits);
    if (!fits) throw spv::IoError(o.fits, "cannot be written");
    fits << "element,r_squared,v1_like,theta,frequency,sigma_x,sigma_y,x0,y0\n";
  }
  int good_fit = 0, v1_like = 0;
  for (int k = 0; k < n; ++k) {
    const std::span<const float> element(w.values.data() + std::size_t(k) * w.patch_size(), w.patch_size());
    const spv::gabor::GaborFit g = spv::gabor::fit_gabor(element, w.nxp, w.nyp);
    const bool like = spv::gabor::is_v1_like(element, w.nxp, w.nyp);
    good_fit += g.r_squared >= 0.8;
    v1_like += like;
    if (fits)
      fits << k << ',' << g.r_squared << ',' << like << ',' << g.theta << ',' << g.frequency << ',' << g.sigma_x << ','
           << g.sigma_y << ',' << g.x0 << ',' << g.y0 << '\n';
  }
  spv::KeyValueSummary summary;
  summary.set("elements", long(n));
  summary.set("r2_at_least_0_8", long(good_fit));
  summary.set("v1_like", long(v1_like));
  std::printf(
      "%d elements of %dx%d: %d fitted by a Gabor with R^2 >= 0.8 (%.1f%%), %d V1-like (localised, oriented,"
      " band-pass: %.1f%%)\n",
      n, w.nxp, w.nyp, good_fit, 100.0 * good_fit / n, v1_like, 100.0 * v1_like / n);
  if (!o.input.empty()) {
    const double psnr = mean_psnr(o.input, o.error);
    summary.set("psnr_db", psnr);
    std::printf("reconstruction PSNR %.2f dB (mean over frames)\n", psnr);
  }
  if (!o.code.empty()) {
    const spv::ActivityFile code = spv::read_activity_file(o.code);
    double active = 0, total = 0;
    for (const auto& f : code.frames) {
      total += double(f.values.size());
      for (float v : f.values) active += v != 0;
    }
    summary.set("active_share", total > 0 ? active / total : 0.0);
    std::printf("active code neurons %.2f%% (over %zu frames)\n", total > 0 ? 100 * active / total : 0.0,
                code.frames.size());
  }
  if (!o.summary.empty()) summary.write(o.summary);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return spv::tool::run_tool("spv-v1-report", usage_text, argc, argv, parse, report); }
