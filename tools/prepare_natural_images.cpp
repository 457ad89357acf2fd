// spv-prepare-natural-images: natural-image crops for learning V1-like receptive fields (E2), as a dense PVP file.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "core/io/pvp_format.hpp"
#include "data/natural_images.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-prepare-natural-images --images DIR --out FILE.pvp --count N [--size 64] [--downsample 2]\n"
    "                                  [--centre 0.5] [--surround 2] [--seed 1] [--png FILE.png]\n"
    "\n"
    "Reads every .png in DIR (in name order), makes each grey (Rec. 601 luma), averages --downsample x\n"
    "--downsample blocks, and filters it with a difference of Gaussians (s.d. --centre and --surround pixels after\n"
    "downsampling), which flattens the 1/f spectrum of natural scenes (whitening, as retinal ganglion cells do) and\n"
    "removes the mean. Then writes N crops of --size x --size, crop k from image k mod (number of images) at a\n"
    "position drawn from (--seed, k), each at zero mean and unit s.d., as a dense PVP file (nx = ny = size, nf = 1,\n"
    "frame k at time k). --png also writes the first filtered image (stretched to 0..255) to look at.\n"
    "The file is a pure function of the images and the arguments.\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments, an unreadable image or a file that\n"
    "cannot be written.\n";

struct Options {
  std::string images, out, png;
  long count = -1;
  int size = 64, downsample = 2;
  double centre = 0.5, surround = 2.0;
  std::uint64_t seed = 1;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--images")
      o.images = args.value();
    else if (arg == "--out")
      o.out = args.value();
    else if (arg == "--png")
      o.png = args.value();
    else if (arg == "--count")
      o.count = long(spv::tool::integer(arg, args.value(), 1, 100000000));
    else if (arg == "--size")
      o.size = int(spv::tool::integer(arg, args.value(), 2, 4096));
    else if (arg == "--downsample")
      o.downsample = int(spv::tool::integer(arg, args.value(), 1, 64));
    else if (arg == "--centre")
      o.centre = spv::tool::number(arg, args.value());
    else if (arg == "--surround")
      o.surround = spv::tool::number(arg, args.value());
    else if (arg == "--seed")
      o.seed = std::uint64_t(spv::tool::integer(arg, args.value(), 0));
    else
      spv::tool::unknown_option(arg);
  });
  if (o.help) return o;
  if (o.images.empty() || o.out.empty() || o.count < 0)
    throw std::runtime_error("--images, --out and --count are required (see --help)");
  if (!(o.centre > 0 && o.surround > o.centre)) throw std::runtime_error("need 0 < --centre < --surround");
  return o;
}

int prepare(const Options& o) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(o.images)) throw spv::IoError(o.images, "is not a directory");
  for (const auto& entry : std::filesystem::directory_iterator(o.images))
    if (entry.path().extension() == ".png") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw spv::IoError(o.images, "holds no .png file");
  std::vector<spv::Image> images;
  for (const auto& f : files) {
    spv::Image g = spv::natural::box_downsample(spv::natural::grey(spv::read_png(f)), o.downsample);
    if (g.width < o.size || g.height < o.size)
      throw spv::IoError(f.string(), "is smaller than a " + std::to_string(o.size) + "-pixel crop after downsampling");
    images.push_back(spv::natural::difference_of_gaussians(g, o.centre, o.surround));
  }
  if (!o.png.empty()) spv::write_png(o.png, images.front(), true);
  const std::filesystem::path out(o.out), part = o.out + ".part";
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  {
    spv::PvpActivityFileWriter writer(part, spv::PvpType::Dense, o.size, o.size, 1, 1);
    const spv::natural::CropSpec spec{o.size, o.seed};
    for (long k = 0; k < o.count; ++k)
      writer.write_frame(double(k), spv::natural::crop(images, spec, std::uint64_t(k)));
    writer.close();
  }
  std::filesystem::rename(part, out);
  std::printf("wrote %ld crops of %dx%d from %zu images to %s\n", o.count, o.size, o.size, images.size(),
              o.out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-prepare-natural-images", usage_text, argc, argv, parse, prepare);
}
