// spv-activity-tiles: draws frames of an activity PVP file (inputs, reconstructions) as one PNG grid of tiles.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "analysis/weight_tiles.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-activity-tiles --activity FILE.pvp --out FILE.png [--first N] [--count N] [--columns C]\n"
    "                          [--scale S]\n"
    "\n"
    "Draws frames first .. first+count-1 of a dense or sparse activity file (one frame per batch element and write,\n"
    "in file order) as tiles of nx x ny pixels (grey for nf = 1, colour for nf = 3), 1 black pixel apart. Each tile\n"
    "is scaled by its own largest |value|, so 0 is grey 128 and that value is 0 or 255.\n"
    "\n"
    "  --activity FILE   an activity PVP file (types 2, 4, 6)\n"
    "  --out FILE        the PNG to write\n"
    "  --first N         first frame (default 0)\n"
    "  --count N         number of frames (default 20, at most the frames left)\n"
    "  --columns C       tiles per row (default 10)\n"
    "  --scale S         draw each value as an S x S block (default 2)\n"
    "  --help            print this text\n";

int number(const std::string& option, const std::string& text) {
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end || v < 0) throw std::runtime_error(option + " needs a whole number >= 0, not \"" + text + "\"");
  return int(v);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::string activity, out;
    int first = 0, count = 20;
    spv::TileOptions tiles;
    tiles.columns = 10;
    tiles.scale = 2;
    for (int i = 1; i < argc; ++i) {
      std::string a = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
        return argv[++i];
      };
      if (a == "--help" || a == "-h") {
        std::fputs(usage_text, stdout);
        return 0;
      } else if (a == "--activity") activity = value();
      else if (a == "--out") out = value();
      else if (a == "--first") first = number(a, value());
      else if (a == "--count") count = number(a, value());
      else if (a == "--columns") tiles.columns = number(a, value());
      else if (a == "--scale") tiles.scale = number(a, value());
      else throw std::runtime_error("unknown option \"" + a + "\" (see --help)");
    }
    if (activity.empty() || out.empty()) throw std::runtime_error("--activity and --out are required (see --help)");
    spv::ActivityFile file = spv::read_activity_file(activity);
    const int frames = int(file.frames.size());
    if (first >= frames) throw std::runtime_error(activity + " has " + std::to_string(frames) + " frames; --first " +
                                                  std::to_string(first) + " is past the end");
    count = std::min(count, frames - first);
    // Each frame becomes one "kernel" of a dictionary, so the dictionary drawing does the layout.
    spv::SharedWeights w;
    w.nxp = file.header.nx;
    w.nyp = file.header.ny;
    w.nfp = file.header.nf;
    w.nf_kernel = count;
    for (int k = first; k < first + count; ++k)
      w.values.insert(w.values.end(), file.frames[std::size_t(k)].values.begin(), file.frames[std::size_t(k)].values.end());
    spv::write_png(out, spv::tile_dictionary(w, {}, tiles));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "spv-activity-tiles: %s\n", e.what());
    return 1;
  }
}
