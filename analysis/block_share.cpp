#include "analysis/block_share.hpp"

#include <cmath>
#include <string>

#include "params/error.hpp"

namespace spv {

BlockShare block_share(const ActivityFile& codes, std::span<const int> labels, int block, int classes) {
  if (codes.frames.size() != labels.size())
    throw Error("the codes have " + std::to_string(codes.frames.size()) + " frames but there are " +
                std::to_string(labels.size()) + " labels");
  if (block < 1 || classes < 1) throw Error("block and classes must be at least 1");
  BlockShare r;
  r.class_share.assign(std::size_t(classes), 0.0);
  std::vector<int> per_class(std::size_t(classes), 0);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const auto& a = codes.frames[i].values;
    const int label = labels[i];
    if (label < 0 || label >= classes || std::size_t((label + 1) * block) > a.size())
      throw Error("example " + std::to_string(i) + ": label " + std::to_string(label) + " has no block of " +
                  std::to_string(block) + " neurons in a code of " + std::to_string(a.size()));
    std::vector<double> mass(std::size_t(classes), 0.0);
    double total = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
      const double m = std::fabs(a[k]);
      total += m;
      if (k < std::size_t(classes * block)) mass[k / std::size_t(block)] += m;
    }
    int strongest = 0;
    for (int c = 1; c < classes; ++c)
      if (mass[std::size_t(c)] > mass[std::size_t(strongest)]) strongest = c;
    const double share = total > 0 ? mass[std::size_t(label)] / total : 0.0;
    r.silent += total == 0;
    r.mean_share += share;
    r.block_accuracy += total > 0 && strongest == label;
    r.class_share[std::size_t(label)] += share;
    ++per_class[std::size_t(label)];
  }
  r.examples = int(labels.size());
  if (r.examples > 0) {
    r.mean_share /= r.examples;
    r.block_accuracy /= r.examples;
  }
  for (int c = 0; c < classes; ++c)
    if (per_class[std::size_t(c)] > 0) r.class_share[std::size_t(c)] /= per_class[std::size_t(c)];
  return r;
}

}  // namespace spv
