// spv-activity-tiles: draws frames of an activity PVP file (inputs, reconstructions) as one PNG grid of tiles.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/weight_tiles.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "tools/tool_args.hpp"

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

struct Options {
  std::string activity, out;
  int first = 0, count = 20;
  spv::TileOptions tiles;
  bool help = false;
  Options() {
    tiles.columns = 10;
    tiles.scale = 2;
  }
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  auto number = [&] { return int(spv::tool::integer(args.arg(), args.value(), 0)); };
  args.each(o.help, [&](const std::string& a) {
    if (a == "--activity") o.activity = args.value();
    else if (a == "--out") o.out = args.value();
    else if (a == "--first") o.first = number();
    else if (a == "--count") o.count = number();
    else if (a == "--columns") o.tiles.columns = number();
    else if (a == "--scale") o.tiles.scale = number();
    else spv::tool::unknown_option(a);
  });
  if (o.help) return o;
  if (o.activity.empty() || o.out.empty()) throw std::runtime_error("--activity and --out are required (see --help)");
  return o;
}

int draw(const Options& o) {
  spv::ActivityFile file = spv::read_activity_file(o.activity);
  const int frames = int(file.frames.size());
  if (o.first >= frames) throw std::runtime_error(o.activity + " has " + std::to_string(frames) + " frames; --first " +
                                                  std::to_string(o.first) + " is past the end");
  const int count = std::min(o.count, frames - o.first);
  // Each frame becomes one "kernel" of a dictionary, so the dictionary drawing does the layout.
  spv::SharedWeights w;
  w.nxp = file.header.nx;
  w.nyp = file.header.ny;
  w.nfp = file.header.nf;
  w.nf_kernel = count;
  for (int k = o.first; k < o.first + count; ++k)
    w.values.insert(w.values.end(), file.frames[std::size_t(k)].values.begin(), file.frames[std::size_t(k)].values.end());
  spv::write_png(o.out, spv::tile_dictionary(w, {}, o.tiles));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-activity-tiles", usage_text, argc, argv, parse, draw);
}
