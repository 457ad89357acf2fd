// Statistics of one layer buffer (A or V) per global batch element: count, sum, sum of squares, min, max and the
// number of values beyond a threshold, reduced across ranks so that they do not depend on the decomposition.
#pragma once
#include <vector>

#include "core/layer.hpp"
#include "probes/grid_sum.hpp"

namespace spv {

class Communicator;

struct LayerStats {
  long neurons = 0;
  double sum = 0.0, sum_squared = 0.0;
  float min = 0.0f, max = 0.0f;
  long nonzero = 0;  // values with |x| > the threshold
  double mean() const { return sum / double(neurons); }
  // Population standard deviation, as OpenPV computes it.
  double sigma() const;
};

// Buffers of layer_stats kept by its caller, so that statistics taken every step allocate only the first time.
struct LayerStatsScratch {
  std::vector<GridSum> sums;
  std::vector<double> extremes, neurons, words;
};

// Every rank gets in `stats` the statistics of every global batch element. use_v reads V (restricted), otherwise
// A's interior.
void layer_stats(const Layer& layer, bool use_v, double nnz_threshold, Communicator& comm, LayerStatsScratch& scratch,
                 std::vector<LayerStats>& stats);

}  // namespace spv
