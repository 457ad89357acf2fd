// Ordinal-linked codes (E3): how much of each example's activation mass lies in the block of neurons assigned to
// its class, and how often the strongest block names the class.
#pragma once
#include <span>
#include <vector>

#include "core/io/pvp_format.hpp"

namespace spv {

struct BlockShare {
  double mean_share = 0;               // mean over examples of (sum |a| in the true block) / (sum |a|)
  double block_accuracy = 0;           // share of examples whose strongest block is the true class's
  std::vector<double> class_share;     // mean_share per class
  int examples = 0, silent = 0;        // silent: examples with no activity at all (share counted as 0)
};

// Frame i of `codes` is example i with label labels[i]; class c owns neurons [c * block, (c + 1) * block) of each
// frame's values. Throws Error when frames and labels disagree or a label's block lies outside the frame.
BlockShare block_share(const ActivityFile& codes, std::span<const int> labels, int block, int classes);

}  // namespace spv
