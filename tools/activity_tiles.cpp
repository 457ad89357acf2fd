// spv-activity-tiles: draws frames of an activity PVP file (inputs, reconstructions) as one PNG grid of tiles.
#include <algorithm>
#include <cmath>
#include <cstdio>
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
    "                          [--scale S] [--max-size PIXELS]\n"
    "\n"
    "Draws frames first .. first+count-1 of a dense or sparse activity file (one frame per batch element and write,\n"
    "in file order) as a grid of tiles, 3 white pixels apart. A frame of nf = 1 is a grey nx x ny tile, nf = 3 a\n"
    "colour one; any other nf is a square grid of its nf feature maps (feature 0 top left, row by row), 1 black\n"
    "pixel apart. Each frame is scaled by its own largest |value|, so 0 is grey 128 and that value is 0 or 255.\n"
    "Prints the PNG's path and size.\n"
    "\n"
    "  --activity FILE    an activity PVP file (types 2, 4, 6)\n"
    "  --out FILE         the PNG to write\n"
    "  --first N          first frame (default 0)\n"
    "  --count N          number of frames (default 20, at most the frames left)\n"
    "  --columns C        frames per row (default: a square grid)\n"
    "  --scale S          draw each value as an S x S block (default 2, lowered to keep within --max-size)\n"
    "  --max-size PIXELS  the largest width or height of the PNG (default 4096); an image that does not fit at\n"
    "                     scale 1 is an error\n"
    "  --help             print this text\n";

struct Options {
  std::string activity, out;
  int first = 0, count = 20, columns = 0, scale = 2, max_size = 4096;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  auto number = [&](long long min) { return int(spv::tool::integer(args.arg(), args.value(), min)); };
  args.each(o.help, [&](const std::string& a) {
    if (a == "--activity") o.activity = args.value();
    else if (a == "--out") o.out = args.value();
    else if (a == "--first")
      o.first = number(0);
    else if (a == "--count")
      o.count = number(1);
    else if (a == "--columns")
      o.columns = number(1);
    else if (a == "--scale")
      o.scale = number(1);
    else if (a == "--max-size")
      o.max_size = number(16);
    else spv::tool::unknown_option(a);
  });
  if (o.help) return o;
  if (o.activity.empty() || o.out.empty()) throw std::runtime_error("--activity and --out are required (see --help)");
  return o;
}

constexpr int kFrameGap = 3;  // white pixels between frames (features within a frame are 1 black pixel apart)

// One frame as an image: the dictionary drawing lays out its tiles (the frame itself for nf 1 or 3, else its
// feature maps, each one grey "kernel"), scaled together by the frame's largest |value|.
spv::Image frame_image(const spv::PvpHeader& h, const std::vector<float>& values, int scale) {
  spv::SharedWeights w;
  w.nxp = h.nx;
  w.nyp = h.ny;
  spv::TileOptions tiles;
  tiles.scale = scale;
  tiles.normalization = spv::TileNormalization::PerDictionary;
  if (h.nf == 1 || h.nf == 3) {
    w.nfp = h.nf;
    w.nf_kernel = 1;
    w.values = values;
    tiles.columns = 1;
  } else {
    w.nfp = 1;
    w.nf_kernel = h.nf;
    w.values.resize(values.size());
    // PVP activity is (y, x, f); a kernel per feature is (f, y, x).
    const std::size_t plane = std::size_t(h.nx) * h.ny;
    for (std::size_t i = 0; i < plane; ++i)
      for (int f = 0; f < h.nf; ++f) w.values[std::size_t(f) * plane + i] = values[i * h.nf + f];
  }
  return spv::tile_dictionary(w, {}, tiles);
}

int draw(const Options& o) {
  spv::ActivityFile file = spv::read_activity_file(o.activity);
  const spv::PvpHeader& h = file.header;
  const int frames = int(file.frames.size());
  if (o.first >= frames) throw std::runtime_error(o.activity + " has " + std::to_string(frames) + " frames; --first " +
                                                  std::to_string(o.first) + " is past the end");
  const int count = std::min(o.count, frames - o.first);
  const int columns = o.columns > 0 ? std::min(o.columns, count) : int(std::ceil(std::sqrt(double(count))));
  const int rows = (count + columns - 1) / columns;
  // The largest scale (at most --scale) at which the grid fits within --max-size.
  int scale = o.scale;
  spv::Image tile = frame_image(h, file.frames[std::size_t(o.first)].values, scale);
  auto grid_size = [&](const spv::Image& t) {
    return std::max(columns * t.width + (columns - 1) * kFrameGap, rows * t.height + (rows - 1) * kFrameGap);
  };
  while (scale > 1 && grid_size(tile) > o.max_size)
    tile = frame_image(h, file.frames[std::size_t(o.first)].values, --scale);
  if (grid_size(tile) > o.max_size)
    throw std::runtime_error(o.activity + ": " + std::to_string(count) + " frames of " + std::to_string(h.nx) + " x " +
                             std::to_string(h.ny) + " x " + std::to_string(h.nf) + " make a " +
                             std::to_string(grid_size(tile)) + "-pixel image, over --max-size " +
                             std::to_string(o.max_size) + "; draw fewer frames (--count) or raise --max-size");
  spv::Image out;
  out.channels = tile.channels;
  out.width = columns * tile.width + (columns - 1) * kFrameGap;
  out.height = rows * tile.height + (rows - 1) * kFrameGap;
  out.values.assign(std::size_t(out.width) * out.height * out.channels, 1.0f);
  for (int k = 0; k < count; ++k) {
    const spv::Image t = k == 0 ? tile : frame_image(h, file.frames[std::size_t(o.first + k)].values, scale);
    const int x0 = (k % columns) * (tile.width + kFrameGap), y0 = (k / columns) * (tile.height + kFrameGap);
    for (int y = 0; y < t.height; ++y)
      for (int x = 0; x < t.width; ++x)
        for (int c = 0; c < t.channels; ++c) out.at(x0 + x, y0 + y, c) = t.at(x, y, c);
  }
  spv::write_png(o.out, out);
  std::printf("%s: %d frames, %d x %d pixels (scale %d)\n", o.out.c_str(), count, out.width, out.height, scale);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-activity-tiles", usage_text, argc, argv, parse, draw);
}
