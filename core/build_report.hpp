// What a column built, as the dry run (-n) prints it: every layer with its size, every connection with its layers,
// patch and weights, every probe with its target and files, where the outputs would go, and the memory the state
// needs (layer buffers and weights).
#pragma once
#include <cstddef>
#include <string>

namespace spv {

class Column;

struct MemoryEstimate {
  std::size_t layer_bytes = 0;   // V, A, GSyn and delay levels of every layer (this rank's tiles)
  std::size_t weight_bytes = 0;  // every weight store once (a clone shares its original's)
  std::size_t total() const { return layer_bytes + weight_bytes; }
};

MemoryEstimate estimate_memory(const Column& column);
// Valid after the column is built (passes 1-4).
std::string build_report(const Column& column);

}  // namespace spv
