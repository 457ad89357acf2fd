// spv-make-bars: writes the bars data set as a dense PVP file, one frame per image, and
// optionally each image as a PNG.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "tools/bars.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-make-bars --count N --out FILE.pvp [--size 16] [--prob 0.125] [--seed 1] [--png-dir DIR]\n"
    "\n"
    "Writes N images of size x size pixels, each a random superposition of the 2 * size horizontal and vertical\n"
    "bars (each bar on with probability --prob, independently; value 1 on a bar, crossings stay 1, 0 elsewhere),\n"
    "as a dense PVP activity file (nx = ny = size, nf = 1) with one frame per image, frame k at time k.\n"
    "The images are a pure function of --seed (counter-based random numbers), so the same arguments always give the\n"
    "same file.\n"
    "\n"
    "  --png-dir DIR   also write image k as DIR/bars_<k, 6 digits>.png (8-bit grey)\n"
    "  --help          print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments or a file that cannot be written.\n";

struct Options {
  long count = -1;
  int size = 16;
  double prob = 0.125;
  std::uint64_t seed = 1;
  std::string out, png_dir;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--count") o.count = long(spv::tool::integer(arg, args.value(), 1, 2000000000));
    else if (arg == "--size") o.size = int(spv::tool::integer(arg, args.value(), 1, 2000000000));
    else if (arg == "--prob") o.prob = spv::tool::number(arg, args.value());
    else if (arg == "--seed") o.seed = std::uint64_t(spv::tool::integer(arg, args.value(), 0, 2000000000));
    else if (arg == "--out") o.out = args.value();
    else if (arg == "--png-dir") o.png_dir = args.value();
    else spv::tool::unknown_option(arg);
  });
  if (o.help) return o;
  if (o.count < 0) throw std::runtime_error("--count is required (see --help)");
  if (o.out.empty()) throw std::runtime_error("--out is required (see --help)");
  if (o.prob < 0 || o.prob > 1) throw std::runtime_error("--prob must lie in [0, 1]");
  return o;
}

void write(const Options& o) {
  const std::filesystem::path out(o.out);
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  if (!o.png_dir.empty()) std::filesystem::create_directories(o.png_dir);
  // Written beside the target and renamed into place, so that a failed run leaves no partial file.
  const std::filesystem::path part = out.string() + ".part";
  {
    spv::PvpActivityFileWriter writer(part, spv::PvpType::Dense, o.size, o.size, 1, 1);
    for (long k = 0; k < o.count; ++k) {
      const std::vector<float> img = spv::bars::image(o.size, o.prob, o.seed, std::uint64_t(k));
      writer.write_frame(double(k), img);
      if (!o.png_dir.empty()) {
        char name[32];
        std::snprintf(name, sizeof name, "bars_%06ld.png", k);
        spv::write_png(std::filesystem::path(o.png_dir) / name, spv::Image{o.size, o.size, 1, img});
      }
    }
    writer.close();
  }
  std::filesystem::rename(part, out);
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-make-bars", usage_text, argc, argv, parse, [](const Options& o) {
    write(o);
    std::printf("wrote %ld images of %dx%d bars (p = %g, seed %llu) to %s\n", o.count, o.size, o.size, o.prob,
                static_cast<unsigned long long>(o.seed), o.out.c_str());
    return 0;
  });
}
