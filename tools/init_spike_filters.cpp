// spv-init-spike-filters: writes the starting dictionary of a spike-sorting network (E5) as a shared-weight PVP:
// random filters under a Gaussian envelope centred in the window (see data/spike_recording.hpp).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "core/io/pvp_format.hpp"
#include "data/spike_recording.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-init-spike-filters --out FILE.pvp [--count 3] [--taps 61] [--seed 1]\n"
    "\n"
    "Writes --count 1-D filters of --taps taps (one kernel per feature of a 1-D code layer: nxp = taps, nyp = nfp =\n"
    "1), each Gaussian random values times a Gaussian envelope of s.d. taps / 8 around the centre tap, at unit L2\n"
    "norm, as one frame of a shared-weight PVP file that a connection reads with weightInitType = \"FileWeight\".\n"
    "The file is a pure function of the arguments.\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments or a file that cannot be written.\n";

struct Options {
  std::string out;
  int count = 3, taps = 61;
  std::uint64_t seed = 1;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--out")
      o.out = args.value();
    else if (arg == "--count")
      o.count = int(spv::tool::integer(arg, args.value(), 1, 4096));
    else if (arg == "--taps")
      o.taps = int(spv::tool::integer(arg, args.value(), 1, 65535));
    else if (arg == "--seed")
      o.seed = std::uint64_t(spv::tool::integer(arg, args.value(), 0));
    else
      spv::tool::unknown_option(arg);
  });
  if (!o.help && o.out.empty()) throw std::runtime_error("--out is required (see --help)");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-init-spike-filters", usage_text, argc, argv, parse, [](const Options& o) {
    spv::SharedWeights w;
    w.nxp = o.taps;
    w.nyp = w.nfp = 1;
    w.nf_kernel = o.count;
    for (const auto& f : spv::spikes::initial_filters(o.seed, o.count, o.taps))
      w.values.insert(w.values.end(), f.begin(), f.end());
    const std::filesystem::path out(o.out), part = o.out + ".part";
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    spv::write_shared_weights(part, w, false);
    std::filesystem::rename(part, out);
    std::printf("wrote %d filters of %d taps (seed %llu) to %s\n", o.count, o.taps,
                static_cast<unsigned long long>(o.seed), o.out.c_str());
    return 0;
  });
}
