// spv-neuron-activation: one neuron's activation over the frames (inputs) of an activity PVP file.
#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/code_matrix.hpp"
#include "tools/tool_args.hpp"

namespace {

constexpr const char* usage_text =
    "usage: spv-neuron-activation FILE.pvp (--neuron K | --xyf X,Y,F) [--labels LABELS.txt] [options]\n"
    "\n"
    "Prints one neuron's activation on every input of an activity PVP file (dense or sparse), one line per input:\n"
    "\"input label activation\" (label - without --labels), after a header naming the neuron both ways: its index\n"
    "K = (y * nx + x) * nf + f (OpenPV's restricted kIndex; a 1x1xN joint layer's neuron K is feature K) and its\n"
    "x, y, f, which are the PointProbe keys xLoc, yLoc, fLoc that probe it during a run. With labels, a table of\n"
    "the mean activation and the share of inputs on which it is active per label follows.\n"
    "\n"
    "Options:\n"
    "  --neuron K              the neuron by index\n"
    "  --xyf X,Y,F             the neuron by coordinates\n"
    "  --labels FILE           one integer label per line, one per input\n"
    "  --skip N, --frame-every K   drop N frames, then one input per K frames (its last) (default 0 and 1)\n"
    "  --help                  print this text\n"
    "\n"
    "Exit status 0 on success, 1 with a message on stderr for bad arguments, files or counts.\n";

struct Options {
  std::string file, labels;
  long neuron = -1;
  std::vector<int> xyf;
  spv::FrameMapping mapping;
  bool help = false;
};

std::vector<int> parse_xyf(const std::string& text) {
  std::vector<int> v;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) v.push_back(int(spv::tool::integer("--xyf", item, 0)));
  if (v.size() != 3) throw std::runtime_error("--xyf needs three integers X,Y,F, not \"" + text + "\"");
  return v;
}

Options parse(int argc, char** argv) {
  Options o;
  spv::tool::ArgList args(argc, argv);
  args.each(o.help, [&](const std::string& arg) {
    if (arg == "--neuron") o.neuron = long(spv::tool::integer(arg, args.value(), 0));
    else if (arg == "--xyf") o.xyf = parse_xyf(args.value());
    else if (arg == "--labels") o.labels = args.value();
    else if (arg == "--skip") o.mapping.skip = int(spv::tool::integer(arg, args.value(), 0));
    else if (arg == "--frame-every") o.mapping.frames_per_example = int(spv::tool::integer(arg, args.value(), 1));
    else spv::tool::positional_file(o.file, arg);
  });
  if (o.help) return o;
  if (o.file.empty()) throw std::runtime_error("no PVP file given (see --help)");
  if ((o.neuron >= 0) == !o.xyf.empty()) throw std::runtime_error("give exactly one of --neuron and --xyf");
  return o;
}

int run(const Options& o) {
  std::vector<int> labels;
  if (!o.labels.empty()) labels = spv::read_labels(o.labels);
  const spv::CodeMatrix m = spv::read_code_matrix(o.file, o.mapping, labels.empty() ? -1 : long(labels.size()));
  int k = int(o.neuron);
  if (!o.xyf.empty()) {
    const spv::NeuronCoordinates c{o.xyf[0], o.xyf[1], o.xyf[2]};
    if (c.x >= m.nx || c.y >= m.ny || c.f >= m.nf)
      throw std::runtime_error("--xyf " + std::to_string(c.x) + "," + std::to_string(c.y) + "," +
                               std::to_string(c.f) + " is outside the layer (" + std::to_string(m.nx) + "x" +
                               std::to_string(m.ny) + "x" + std::to_string(m.nf) + ")");
    k = spv::neuron_index(c, m.nx, m.nf);
  }
  if (k >= m.cols)
    throw std::runtime_error("--neuron " + std::to_string(k) + " is outside the layer, which has " +
                             std::to_string(m.cols) + " neurons (" + std::to_string(m.nx) + "x" +
                             std::to_string(m.ny) + "x" + std::to_string(m.nf) + ")");
  const spv::NeuronCoordinates c = spv::neuron_coordinates(k, m.nx, m.nf);
  std::printf("# %s: neuron %d = x %d, y %d, f %d of %dx%dx%d (PointProbe xLoc = %d, yLoc = %d, fLoc = %d)\n",
              o.file.c_str(), k, c.x, c.y, c.f, m.nx, m.ny, m.nf, c.x, c.y, c.f);
  std::printf("# input label activation\n");
  std::map<int, std::pair<double, std::pair<long, long>>> per_label;  // sum, (active, count)
  for (int i = 0; i < m.rows; ++i) {
    const float a = m.at(i, k);
    if (labels.empty()) {
      std::printf("%d - %.6g\n", i, double(a));
      continue;
    }
    const int l = labels[std::size_t(i)];
    std::printf("%d %d %.6g\n", i, l, double(a));
    auto& s = per_label[l];
    s.first += a;
    s.second.first += a != 0.0f;
    s.second.second += 1;
  }
  if (!per_label.empty()) {
    std::printf("# label inputs mean_activation active_share\n");
    for (const auto& [l, s] : per_label)
      std::printf("# %d %ld %.6g %.4f\n", l, s.second.second, s.first / double(s.second.second),
                  double(s.second.first) / double(s.second.second));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return spv::tool::run_tool("spv-neuron-activation", usage_text, argc, argv, parse, run);
}
