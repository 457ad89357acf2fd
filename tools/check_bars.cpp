// spv-check-bars: how well a learned dictionary (a shared-weight PVP file) matches the bars:
// for each true bar, the best cosine similarity with any learned element; fails when one is below a threshold.
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "tools/bars.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-check-bars WEIGHTS.pvp [--size 16] [--frame N] [--min 0.95]\n"
    "\n"
    "Reads one frame of a shared-weight PVP file whose kernels are size x size x 1 (one per dictionary element,\n"
    "e.g. the weights of a 1x1 code layer to a size x size image) and prints, for each of the 2 * size horizontal\n"
    "and vertical bars, the learned element with the largest cosine similarity to it, then the worst of those\n"
    "cosines.\n"
    "\n"
    "  --frame N   the weight frame to read (default: the last one)\n"
    "  --min C     fail unless every bar's best cosine is at least C (default 0.95)\n"
    "  --help      print this text\n"
    "\n"
    "Exit status 0 when every bar is matched, 1 when one is not or on a bad file or arguments.\n";

struct Options {
  std::string file;
  int size = 16, frame = -1;
  double min = 0.95;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--size") {
      o.size = int(spv::tool::integer(arg, args.value(), 1));
    } else if (arg == "--frame") {
      o.frame = int(spv::tool::integer(arg, args.value(), 0));
    } else if (arg == "--min") {
      o.min = spv::tool::number(arg, args.value());
    } else {
      spv::tool::positional_file(o.file, arg);
    }
  });
  if (!o.help && o.file.empty()) throw std::runtime_error("no weight file given (see --help)");
  return o;
}

int check(const Options& o) {
  const int frames = spv::count_weight_frames(o.file);
  const int frame = o.frame < 0 ? frames - 1 : o.frame;
  if (frame >= frames)
    throw std::runtime_error(o.file + " has " + std::to_string(frames) + " weight frames; there is no frame " +
                             std::to_string(frame));
  const spv::SharedWeights w = spv::read_shared_weights(o.file, frame);
  if (w.nxp != o.size || w.nyp != o.size || w.nfp != 1)
    throw std::runtime_error(o.file + " has " + std::to_string(w.nxp) + "x" + std::to_string(w.nyp) + "x" +
                             std::to_string(w.nfp) + " patches; the bars need " + std::to_string(o.size) + "x" +
                             std::to_string(o.size) + "x1 (set --size)");
  const int elements = w.kernels() * w.arbors;
  const std::size_t patch = w.patch_size();
  std::printf("%s, frame %d (t = %g): %d learned elements of %dx%d\n", o.file.c_str(), frame, w.time, elements,
              o.size, o.size);
  double worst = 2.0;
  int matched = 0, worst_bar = 0;
  for (int i = 0; i < 2 * o.size; ++i) {
    const std::vector<float> bar = spv::bars::bar(o.size, i);
    double best = -2.0;
    int best_element = 0;
    for (int e = 0; e < elements; ++e) {
      const double c = spv::bars::cosine(bar, {w.values.data() + std::size_t(e) * patch, patch});
      if (c > best) {
        best = c;
        best_element = e;
      }
    }
    std::printf("bar %2d (%s): element %3d, cosine %.4f\n", i, spv::bars::bar_name(o.size, i).c_str(), best_element,
                best);
    if (best >= o.min) ++matched;
    if (best < worst) {
      worst = best;
      worst_bar = i;
    }
  }
  std::printf("matched %d of %d bars with cosine >= %g; worst cosine %.4f (bar %d, %s)\n", matched, 2 * o.size, o.min,
              worst, worst_bar, spv::bars::bar_name(o.size, worst_bar).c_str());
  return matched == 2 * o.size ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-check-bars", usage_text, argc, argv, parse, check);
}
