// spv-pvp-inspect: prints a PVP file's header, its frames and their statistics, or one frame as CSV.
#include <algorithm>
#include <cstdio>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/io/pvp_format.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-pvp-inspect FILE [--frames] [--frame N] [--csv]\n"
    "\n"
    "Checks a PVP file (activity types 2, 4, 6; shared weights type 5) against its length and prints its header\n"
    "fields by name and the number of frames.\n"
    "\n"
    "  --frames    also print one line per frame: time, non-zero count, min, max, mean\n"
    "              (activity frames are numbered across batch elements: frame i is batch element i % nbatch)\n"
    "  --frame N   print the line of frame N only (counting from 0)\n"
    "  --csv       print frame N (default 0) as CSV instead: y,x,f,value for activity,\n"
    "              arbor,kernel,y,x,f,value for weights\n"
    "  --help      print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for a malformed file or bad arguments.\n";

struct Options {
  std::string file;
  bool frames = false, csv = false, help = false;
  int frame = -1;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--frames") {
      o.frames = true;
    } else if (arg == "--csv") {
      o.csv = true;
    } else if (arg == "--frame") {
      o.frame = int(spv::tool::integer(arg, args.value(), 0));
    } else {
      spv::tool::positional_file(o.file, arg);
    }
  });
  if (!o.help && o.file.empty()) throw std::runtime_error("no file given (see --help)");
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

int frame_to_show(const Options& o, long frames) {
  const int f = o.frame < 0 ? 0 : o.frame;
  if (f >= frames) {
    throw std::runtime_error(o.file + ": frame " + std::to_string(f) + " asked for, but the file has " +
                             std::to_string(frames) + " frames");
  }
  return f;
}

void inspect_activity(const Options& o, const spv::PvpHeader& h) {
  const spv::ActivityFile file = spv::read_activity_file(o.file);
  const long frames = static_cast<long>(file.frames.size());
  if (o.csv) {
    const auto& frame = file.frames[static_cast<std::size_t>(frame_to_show(o, frames))];
    std::printf("y,x,f,value\n");
    for (int y = 0; y < h.ny; ++y)
      for (int x = 0; x < h.nx; ++x)
        for (int f = 0; f < h.nf; ++f)
          std::printf("%d,%d,%d,%.9g\n", y, x, f, frame.values[(std::size_t(y) * h.nx + x) * h.nf + f]);
    return;
  }
  const long only = o.frame >= 0 ? frame_to_show(o, frames) : -1;
  print_header(h);
  std::printf("frames      %ld\n", frames);
  auto line = [&](long i) {
    const auto& fr = file.frames[static_cast<std::size_t>(i)];
    print_stats("frame " + std::to_string(i) + " batch " + std::to_string(i % h.nbatch), fr.time, fr.values);
  };
  if (only >= 0) {
    line(only);
  } else if (o.frames) {
    for (long i = 0; i < frames; ++i) line(i);
  }
}

void inspect_weights(const Options& o, const spv::PvpHeader& h) {
  const int frames = spv::count_weight_frames(o.file);
  if (o.csv) {
    const spv::SharedWeights w = spv::read_shared_weights(o.file, frame_to_show(o, frames));
    std::printf("arbor,kernel,y,x,f,value\n");
    std::size_t i = 0;
    for (int a = 0; a < w.arbors; ++a)
      for (int k = 0; k < w.kernels(); ++k)
        for (int y = 0; y < w.nyp; ++y)
          for (int x = 0; x < w.nxp; ++x)
            for (int f = 0; f < w.nfp; ++f) std::printf("%d,%d,%d,%d,%d,%.9g\n", a, k, y, x, f, w.values[i++]);
    return;
  }
  const int only = o.frame >= 0 ? frame_to_show(o, frames) : -1;
  print_header(h);
  std::printf("frames      %d\n", frames);
  auto line = [&](int i) {
    const spv::SharedWeights w = spv::read_shared_weights(o.file, i);
    print_stats("frame " + std::to_string(i), w.time, w.values);
  };
  if (only >= 0) {
    line(only);
  } else if (o.frames) {
    for (int i = 0; i < frames; ++i) line(i);
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
