#include "probes/layer_stats.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

#include "core/comm/communicator.hpp"
#include "probes/binned_sum.hpp"
#include "probes/grid_sum.hpp"

namespace spv {

double LayerStats::sigma() const {
  const double m = mean();
  return std::sqrt(sum_squared / double(neurons) - m * m);
}

namespace {

struct Partial {
  BinnedSum sum, sum_squared, nonzero;
  float min = FLT_MAX, max = -FLT_MAX;
};

Partial tile_stats(const Layer& layer, bool use_v, double nnz_threshold, int b) {
  const LayerGeometry& g = layer.geometry();
  const int row_len = g.nx * g.nf;
  // OpenPV compares in float; so does this, so that a threshold of 0.1 treats 0.1f as within it.
  const float threshold = float(nnz_threshold);
  Partial p;
  for (int y = 0; y < g.ny; ++y) {
    const float* row = use_v ? layer.V().data() + std::size_t(b) * g.neurons() + g.index(0, y, 0)
                             : layer.A().data() + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0);
    for (int i = 0; i < row_len; ++i) {
      const float a = row[i];
      p.sum.add(a);
      p.sum_squared.add_square(a);
      p.nonzero.add_count(std::fabs(a) > threshold);
      p.min = std::min(p.min, a);
      p.max = std::max(p.max, a);
    }
  }
  return p;
}

}  // namespace

void layer_stats(const Layer& layer, bool use_v, double nnz_threshold, Communicator& comm, LayerStatsScratch& scratch,
                 std::vector<LayerStats>& stats) {
  const LayerGeometry& g = layer.geometry();
  const std::size_t nbatch = std::size_t(g.nbatch_global);
  const std::size_t ranks = std::size_t(comm.size()), rank = std::size_t(comm.rank());
  std::vector<GridSum>& sums = scratch.sums;
  sums.assign(3 * nbatch, GridSum());
  // Each rank's min and max go to its own slot (others add zero there), so the reduction is a gather.
  std::vector<double>& extremes = scratch.extremes;
  extremes.assign(2 * nbatch * ranks, 0.0);
  const double inf = std::numeric_limits<double>::infinity();
  for (std::size_t b = 0; b < nbatch; ++b) {
    extremes[2 * (b * ranks + rank)] = inf;
    extremes[2 * (b * ranks + rank) + 1] = -inf;
  }
  for (int b = 0; b < g.nbatch; ++b) {
    const std::size_t gb = std::size_t(g.batch0 + b);
    Partial p = tile_stats(layer, use_v, nnz_threshold, b);
    sums[3 * gb] = p.sum.total();
    sums[3 * gb + 1] = p.sum_squared.total();
    sums[3 * gb + 2] = p.nonzero.total();
    extremes[2 * (gb * ranks + rank)] = p.min;
    extremes[2 * (gb * ranks + rank) + 1] = p.max;
  }
  reduce_sums(sums, comm, scratch.words);
  comm.ordered_sum(extremes);
  std::vector<double>& neurons = scratch.neurons;
  neurons.assign(nbatch, 0.0);
  for (int b = 0; b < g.nbatch; ++b) neurons[std::size_t(g.batch0 + b)] = double(g.neurons());
  comm.ordered_sum(neurons);

  stats.assign(nbatch, LayerStats());
  for (std::size_t b = 0; b < nbatch; ++b) {
    LayerStats& s = stats[b];
    s.neurons = long(neurons[b]);
    s.sum = sums[3 * b].value();
    s.sum_squared = sums[3 * b + 1].value();
    s.nonzero = long(sums[3 * b + 2].value());
    double lo = inf, hi = -inf;
    for (std::size_t r = 0; r < ranks; ++r) {
      lo = std::min(lo, extremes[2 * (b * ranks + r)]);
      hi = std::max(hi, extremes[2 * (b * ranks + r) + 1]);
    }
    s.min = float(lo);
    s.max = float(hi);
  }
}

}  // namespace spv
