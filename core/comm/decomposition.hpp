// How a run is split: rows x columns of x-y tiles and a batch width, as a pure function of sizes and counts.
#pragma once
#include <string>

#include "core/geometry.hpp"

namespace spv {

struct Decomposition {
  int rows = 1, columns = 1, batch_width = 1;
  int rank = 0;  // this process, ordered batch-major then row then column

  int size() const { return rows * columns * batch_width; }
  int row() const { return (rank / columns) % rows; }
  int column() const { return rank % columns; }
  int batch_index() const { return rank / (rows * columns); }
  // The rank at row 0, column 0 of this rank's batch slice: it reads the inputs of the slice's batch elements.
  int batch_root() const { return batch_index() * rows * columns; }
  bool is_batch_root() const { return rank == batch_root(); }

  // This rank's tile and batch slice of a layer of the given global size; throws GeometryError naming the layer
  // when the size does not divide.
  LayerGeometry tile(const std::string& layer, int nx_global, int ny_global, int nf, int nbatch_global) const;
};

}  // namespace spv
