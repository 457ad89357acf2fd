// Codes of a set of inputs as one matrix: a row per input (a settled activity frame), a column per neuron.
#pragma once
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "analysis/example_set.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

struct CodeMatrix {
  int rows = 0, cols = 0;
  int nx = 0, ny = 0, nf = 0;  // the layer shape of a row, [y][x][f] with f fastest (cols = nx * ny * nf)
  std::vector<float> values;   // row-major

  std::span<const float> row(int r) const { return {values.data() + std::size_t(r) * cols, std::size_t(cols)}; }
  float at(int r, int c) const { return values[std::size_t(r) * cols + c]; }
  // Column c for every row.
  std::vector<float> column(int c) const;
};

// The frames of `file` that `mapping` selects (skip, then the last of each group of frames_per_example), one row
// each. `expected_rows` >= 0 demands exactly that many rows; otherwise throws Error naming `name` and the counts.
CodeMatrix code_matrix(const ActivityFile& file, const FrameMapping& mapping, const std::string& name,
                       long expected_rows = -1);
CodeMatrix read_code_matrix(const std::filesystem::path& path, const FrameMapping& mapping = {},
                            long expected_rows = -1);

// Neuron index k of the restricted layout (OpenPV's kIndex: k = (y * nx + x) * nf + f) and its coordinates.
struct NeuronCoordinates {
  int x = 0, y = 0, f = 0;
};
NeuronCoordinates neuron_coordinates(int k, int nx, int nf);
int neuron_index(const NeuronCoordinates& c, int nx, int nf);

}  // namespace spv
