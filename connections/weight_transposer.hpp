// Builds the kernels of a connection's transpose from the original's, so that the transpose connects exactly the
// same (pre, post) pairs with the same weights, pre and post swapped: its delivery is the original's adjoint.
#pragma once
#include <vector>

#include "connections/conv_geometry.hpp"
#include "connections/weight_store.hpp"

namespace spv {

class WeightTransposer {
 public:
  WeightTransposer() = default;
  explicit WeightTransposer(const ConvGeometry& original);

  const ConvGeometry& original() const { return original_; }
  const ConvGeometry& transposed() const { return transposed_; }
  // An empty store shaped for the transposed kernels.
  WeightStore make_store(int arbors) const;
  // Writes the transpose of `from` (the original's kernels) into `to` (from make_store); allocates nothing.
  void apply(const WeightStore& from, WeightStore& to) const;

 private:
  // For each (kernel cell, patch offset) of one transposed axis: the original's kernel cell and patch offset.
  struct AxisPairs {
    std::vector<int> cell, offset;
  };
  static AxisPairs pair_axis(const AxisMap& original, const AxisMap& transposed);
  // Non-shared weights: each transposed patch gathers the weights the original's patches give its pre neuron.
  void apply_nonshared(const WeightStore& from, WeightStore& to) const;

  ConvGeometry original_, transposed_;
  AxisPairs x_, y_;
};

}  // namespace spv
