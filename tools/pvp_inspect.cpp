// spv-pvp-inspect: prints a PVP file's header, its frames and their statistics, or one frame as CSV.
#include <algorithm>
#include <cstdio>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-pvp-inspect FILE [--frames] [--frame SPEC] [--csv [--all]]\n"
    "\n"
    "Checks a PVP file (activity types 2, 4, 6; shared weights type 5) against its length and prints its header\n"
    "fields by name and the number of frames.\n"
    "\n"
    "  --frames       also print one line per frame: time, non-zero count, min, max, mean\n"
    "                 (activity frames are numbered across batch elements: frame i is batch element i % nbatch)\n"
    "  --frame SPEC   only these frames (counting from 0): N, or a range A:B (A to B-1; A: to the end, :B the\n"
    "                 first B, : all)\n"
    "  --csv          print the frames (default: frame 0) as CSV instead: frame,y,x,f,value for activity,\n"
    "                 frame,arbor,kernel,y,x,f,value for weights; a sparse file (types 2, 6) lists its non-zero\n"
    "                 entries only\n"
    "  --all          with --csv on a sparse file: every entry, zeros included\n"
    "  --help         print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for a malformed file or bad arguments.\n";

// Frames [first, last) asked for; last < 0 means "to the end".
struct FrameRange {
  long first = 0, last = -1;
  bool given = false;
};

struct Options {
  std::string file;
  bool frames = false, csv = false, help = false, all = false;
  FrameRange range;
};

FrameRange parse_range(const std::string& option, const std::string& text) {
  FrameRange r;
  r.given = true;
  const auto colon = text.find(':');
  if (colon == std::string::npos) {
    r.first = long(spv::tool::integer(option, text, 0));
    r.last = r.first + 1;
    return r;
  }
  const std::string a = text.substr(0, colon), b = text.substr(colon + 1);
  if (!a.empty()) r.first = long(spv::tool::integer(option, a, 0));
  if (!b.empty()) r.last = long(spv::tool::integer(option, b, 0));
  if (r.last >= 0 && r.last < r.first)
    throw std::runtime_error(option + " " + text + ": the range ends before it begins");
  return r;
}

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--frames") {
      o.frames = true;
    } else if (arg == "--csv") {
      o.csv = true;
    } else if (arg == "--all") {
      o.all = true;
    } else if (arg == "--frame") {
      o.range = parse_range(arg, args.value());
    } else {
      spv::tool::positional_file(o.file, arg);
    }
  });
  if (!o.help && o.file.empty()) throw std::runtime_error("no file given (see --help)");
  if (o.all && !o.csv) throw std::runtime_error("--all goes with --csv");
  return o;
}

void print_header(const spv::PvpHeader& h) {
  std::printf("headersize  %d\n", h.headersize);
  std::printf("numparams   %d\n", h.numparams);
  std::printf("filetype    %d (%s)\n", h.filetype, spv::pvp_type_name(h.filetype).c_str());
  std::printf("nx          %d\nny          %d\nnf          %d\n", h.nx, h.ny, h.nf);
  std::printf("numrecords  %d\nrecordsize  %d\ndatasize    %d\ndatatype    %d\n", h.numrecords, h.recordsize,
              h.datasize, h.datatype);
  std::printf("nxprocs     %d\nnyprocs     %d\nnxExtended  %d\nnyExtended  %d\n", h.nxprocs, h.nyprocs, h.nxExtended,
              h.nyExtended);
  std::printf("kx0         %d\nky0         %d\nnbatch      %d\nnbands      %d\n", h.kx0, h.ky0, h.nbatch, h.nbands);
  std::printf("time        %.17g\n", h.time);
  if (h.is_weights()) {
    std::printf("nxp         %d\nnyp         %d\nnfp         %d\n", h.nxp, h.nyp, h.nfp);
    std::printf("wMin        %.9g\nwMax        %.9g\nnumpatches  %d\n", h.wMin, h.wMax, h.numpatches);
  }
}

void print_stats(const std::string& label, double time, std::span<const float> values) {
  std::size_t nonzero = 0;
  double sum = 0.0;
  float lo = values.empty() ? 0.0f : values[0], hi = lo;
  for (float v : values) {
    nonzero += v != 0.0f;
    sum += v;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  const double mean = values.empty() ? 0.0 : sum / double(values.size());
  std::printf("%s time %.17g nonzero %zu min %.9g max %.9g mean %.9g\n", label.c_str(), time, nonzero, lo, hi, mean);
}

// The frames to show, [first, last), checked against the file; csv alone shows frame 0.
std::pair<long, long> frames_to_show(const Options& o, long frames) {
  FrameRange r = o.range;
  if (!r.given) r = o.csv ? FrameRange{0, 1, true} : FrameRange{0, frames, false};
  const long last = r.last < 0 ? frames : r.last;
  if (last > frames || r.first > last) {
    throw std::runtime_error(o.file + ": frame " + std::to_string(std::max(r.first, last - 1)) +
                             " asked for, but the file has " + std::to_string(frames) + " frames");
  }
  return {r.first, last};
}

void inspect_activity(const Options& o, const spv::PvpHeader& h) {
  const spv::ActivityFile file = spv::read_activity_file(o.file);
  const long frames = static_cast<long>(file.frames.size());
  const auto [first, last] = frames_to_show(o, frames);
  if (o.csv) {
    // A sparse file is mostly zeros: its CSV lists what the file stores, the non-zero entries.
    const bool nonzero_only = (h.filetype == 2 || h.filetype == 6) && !o.all;
    std::printf("frame,y,x,f,value\n");
    for (long i = first; i < last; ++i) {
      const auto& frame = file.frames[static_cast<std::size_t>(i)];
      for (int y = 0; y < h.ny; ++y)
        for (int x = 0; x < h.nx; ++x)
          for (int f = 0; f < h.nf; ++f) {
            const float v = frame.values[(std::size_t(y) * h.nx + x) * h.nf + f];
            if (!nonzero_only || v != 0.0f) std::printf("%ld,%d,%d,%d,%.9g\n", i, y, x, f, v);
          }
    }
    return;
  }
  print_header(h);
  std::printf("frames      %ld\n", frames);
  if (!o.frames && !o.range.given) return;
  for (long i = first; i < last; ++i) {
    const auto& fr = file.frames[static_cast<std::size_t>(i)];
    print_stats("frame " + std::to_string(i) + " batch " + std::to_string(i % h.nbatch), fr.time, fr.values);
  }
}

void inspect_weights(const Options& o, const spv::PvpHeader& h) {
  const int frames = spv::count_weight_frames(o.file);
  const auto [first, last] = frames_to_show(o, frames);
  if (o.csv) {
    std::printf("frame,arbor,kernel,y,x,f,value\n");
    for (long i = first; i < last; ++i) {
      const spv::SharedWeights w = spv::read_shared_weights(o.file, int(i));
      std::size_t n = 0;
      for (int a = 0; a < w.arbors; ++a)
        for (int k = 0; k < w.kernels(); ++k)
          for (int y = 0; y < w.nyp; ++y)
            for (int x = 0; x < w.nxp; ++x)
              for (int f = 0; f < w.nfp; ++f) std::printf("%ld,%d,%d,%d,%d,%d,%.9g\n", i, a, k, y, x, f, w.values[n++]);
    }
    return;
  }
  print_header(h);
  std::printf("frames      %d\n", frames);
  if (!o.frames && !o.range.given) return;
  for (long i = first; i < last; ++i) {
    const spv::SharedWeights w = spv::read_shared_weights(o.file, int(i));
    print_stats("frame " + std::to_string(i), w.time, w.values);
  }
}

int inspect(const Options& o) {
  const spv::PvpHeader h = spv::read_pvp_header(o.file);
  if (h.is_weights()) {
    inspect_weights(o, h);
  } else {
    inspect_activity(o, h);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-pvp-inspect", usage_text, argc, argv, parse, inspect);
}
