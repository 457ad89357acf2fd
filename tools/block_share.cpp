// spv-block-share: for ordinal-linked codes, the share of activation mass in each example's class block.
#include <cstdio>
#include <string>

#include "analysis/block_share.hpp"
#include "analysis/example_set.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-block-share --codes CODES.pvp --labels LABELS.txt [--block 25] [--classes 10]\n"
    "\n"
    "Frame i of CODES (an activity PVP file, dense or sparse) is example i, labelled by line i of LABELS. Class c\n"
    "owns code neurons c*block .. c*block+block-1 (the ordinal-linked layout of E3). Prints the mean share of each\n"
    "example's activation mass (sum of |a|) that lies in its class's block, the same per class, and how often the\n"
    "block with the most mass is the example's class (chance: 1/classes).\n"
    "\n"
    "  --codes FILE      code activity, one frame per example\n"
    "  --labels FILE     one integer label per line\n"
    "  --block N         neurons per class block (default 25)\n"
    "  --classes N       number of classes (default 10)\n"
    "  --help            print this text\n";

struct Options {
  std::string codes, labels;
  int block = 25, classes = 10;
  bool help = false;
};

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& a) {
    if (a == "--codes") o.codes = args.value();
    else if (a == "--labels") o.labels = args.value();
    else if (a == "--block") o.block = int(spv::tool::integer(a, args.value(), 1));
    else if (a == "--classes") o.classes = int(spv::tool::integer(a, args.value(), 1));
    else spv::tool::unknown_option(a);
  });
  if (!o.help && (o.codes.empty() || o.labels.empty()))
    throw std::runtime_error("--codes and --labels are required (see --help)");
  return o;
}

int report(const Options& o) {
  const std::vector<int> labels = spv::read_labels(o.labels);
  const spv::BlockShare r = spv::block_share(spv::read_activity_file(o.codes), labels, o.block, o.classes);
  std::printf("examples %d (silent %d), block of %d per class\n", r.examples, r.silent, o.block);
  std::printf("mean share of activation mass in the true class's block: %.4f (uniform: %.4f)\n", r.mean_share,
              1.0 / o.classes);
  std::printf("strongest block = true class: %.4f (chance %.4f)\n", r.block_accuracy, 1.0 / o.classes);
  std::printf("per class:");
  for (std::size_t c = 0; c < r.class_share.size(); ++c) std::printf(" %zu:%.3f", c, r.class_share[c]);
  std::printf("\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return spv::tool::run_tool("spv-block-share", usage_text, argc, argv, parse, report); }
