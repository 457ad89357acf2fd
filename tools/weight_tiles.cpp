// spv-weight-tiles: draws shared-weight dictionaries as PNG grids of tiles, linked dictionaries in one feature order.
#include <cstdio>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/feature_frequency.hpp"
#include "analysis/weight_tiles.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-weight-tiles --weights W.pvp [--weights W2.pvp ...] --out-prefix P [options]\n"
    "\n"
    "Writes one PNG per weight file, P_<name>.png (<name> the file name without .pvp): each kernel is a tile of\n"
    "nxp x nyp pixels (grey for nfp = 1, colour for nfp = 3, otherwise nfp grey sub-tiles side by side), tiles in a\n"
    "grid, 1 black pixel apart. A weight of 0 is grey 128; the largest |weight| of the tile (or of the dictionary\n"
    "with --normalize dictionary) is 0 or 255. Several --weights files are drawn with their kernels in the same\n"
    "order, which is what shows the linking of dictionaries that share one code layer.\n"
    "\n"
    "  --weights FILE          a shared-weight PVP file (repeatable)\n"
    "  --out-prefix P          output prefix; P may include a directory, which must exist\n"
    "  --frame N|last          weight frame to draw (default last: the final dictionary)\n"
    "  --arbor A               arbor to draw (default 0)\n"
    "  --activity CODES.pvp    the code layer's activity file (dense or sparse; nf must equal every file's kernel\n"
    "                          count), for --sort-by-frequency\n"
    "  --sort-by-frequency     order features by how many (frame, position) pairs they are non-zero in, most\n"
    "                          frequent first (ties by feature index), the same order in every image\n"
    "  --print-order           print rank, feature and count (count only with --activity) per line\n"
    "  --columns C             tiles per row (default ceil(sqrt(tiles)))\n"
    "  --scale S               draw each weight as an S x S block (default 1)\n"
    "  --normalize tile|dictionary   contrast per tile (default) or one scale for the whole dictionary\n"
    "  --help                  print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments or files.\n";

struct Options {
  std::vector<std::string> weights;
  std::string out_prefix, activity;
  int frame = -1;  // -1: last
  bool sort = false, print_order = false, help = false;
  spv::TileOptions tiles;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  auto parse_int = [&](const std::string& text, int minimum) {
    return int(spv::tool::integer(args.arg(), text, minimum, 1000000000L));
  };
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--weights") {
      o.weights.push_back(args.value());
    } else if (arg == "--out-prefix") {
      o.out_prefix = args.value();
    } else if (arg == "--frame") {
      const std::string v = args.value();
      o.frame = v == "last" ? -1 : parse_int(v, 0);
    } else if (arg == "--arbor") {
      o.tiles.arbor = parse_int(args.value(), 0);
    } else if (arg == "--activity") {
      o.activity = args.value();
    } else if (arg == "--sort-by-frequency") {
      o.sort = true;
    } else if (arg == "--print-order") {
      o.print_order = true;
    } else if (arg == "--columns") {
      o.tiles.columns = parse_int(args.value(), 1);
    } else if (arg == "--scale") {
      o.tiles.scale = parse_int(args.value(), 1);
    } else if (arg == "--normalize") {
      const std::string v = args.value();
      if (v == "tile") {
        o.tiles.normalization = spv::TileNormalization::PerTile;
      } else if (v == "dictionary") {
        o.tiles.normalization = spv::TileNormalization::PerDictionary;
      } else {
        throw std::runtime_error("--normalize takes tile or dictionary, not \"" + v + "\"");
      }
    } else {
      spv::tool::unknown_option(arg);
    }
  });
  if (o.help) return o;
  if (o.weights.empty()) throw std::runtime_error("no --weights file given (see --help)");
  if (o.out_prefix.empty()) throw std::runtime_error("no --out-prefix given (see --help)");
  if (o.sort && o.activity.empty()) throw std::runtime_error("--sort-by-frequency needs --activity");
  if (!o.sort && !o.activity.empty() && !o.print_order) {
    throw std::runtime_error("--activity is only used with --sort-by-frequency or --print-order");
  }
  return o;
}

int run(const Options& o) {
  std::vector<spv::SharedWeights> dictionaries;
  std::vector<std::string> outputs;
  std::set<std::string> names;
  for (const std::string& path : o.weights) {
    const int frames = spv::count_weight_frames(path);
    const int frame = o.frame < 0 ? frames - 1 : o.frame;
    if (frame >= frames) {
      throw std::runtime_error(path + " holds " + std::to_string(frames) + " weight frames; there is no frame " +
                               std::to_string(frame));
    }
    dictionaries.push_back(spv::read_shared_weights(path, frame));
    const std::string name = std::filesystem::path(path).stem().string();
    if (!names.insert(name).second) {
      throw std::runtime_error("two weight files are named " + name + "; their images would overwrite each other");
    }
    outputs.push_back(o.out_prefix + "_" + name + ".png");
  }

  std::vector<int> order;
  std::vector<std::int64_t> counts;
  if (!o.activity.empty()) {
    counts = spv::activation_counts(spv::read_activity_file(o.activity));
    for (std::size_t i = 0; i < dictionaries.size(); ++i) {
      if (static_cast<std::size_t>(dictionaries[i].nf_kernel) != counts.size()) {
        throw std::runtime_error(o.weights[i] + " has " + std::to_string(dictionaries[i].nf_kernel) +
                                 " kernel features but " + o.activity + " has nf = " + std::to_string(counts.size()) +
                                 "; the activity must be the code layer the dictionaries share");
      }
    }
    if (o.sort) order = spv::order_by_frequency(counts);
  }

  for (std::size_t i = 0; i < dictionaries.size(); ++i) {
    const spv::SharedWeights& w = dictionaries[i];
    const spv::Image image = spv::tile_dictionary(w, order, o.tiles);
    spv::write_png(outputs[i], image);
    std::printf("%s: %d kernels of %dx%dx%d (t = %g) -> %s (%dx%d)\n", o.weights[i].c_str(), w.kernels(), w.nxp,
                w.nyp, w.nfp, w.time, outputs[i].c_str(), image.width, image.height);
  }
  if (o.print_order) {
    const int nf = dictionaries.front().nf_kernel;
    std::printf("rank feature%s\n", counts.empty() ? "" : " count");
    for (int r = 0; r < nf; ++r) {
      const int f = order.empty() ? r : order[static_cast<std::size_t>(r)];
      if (counts.empty()) {
        std::printf("%d %d\n", r, f);
      } else {
        std::printf("%d %d %lld\n", r, f, static_cast<long long>(counts[static_cast<std::size_t>(f)]));
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-weight-tiles", usage_text, argc, argv, parse, run);
}
