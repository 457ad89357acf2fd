// PoolingIndexLayer: holds, for each neuron of a max-pooled layer, the global extended index of the pre neuron that
// won its window (written into channel 0 by the PoolingConn that names it); V = that index, A = V.
#pragma once
#include "core/group_type.hpp"
#include "core/layer.hpp"

namespace spv {

class PoolingIndexLayer : public Typed<PoolingIndexLayer, LayerParams, Layer> {
 public:
  static constexpr const char* kType = "PoolingIndexLayer";
  static constexpr const char* kDoc =
      "The winners of a PoolingConn's max pooling (needPostIndexLayer): V = A = the global extended index of each "
      "neuron's winning pre neuron, read by TransposePoolingConn.";
  static void declare(SchemaBuilder<Params>& b) { declare_layer_keys(b); }
  using Typed::Typed;

 protected:
  void update_state(const StepInfo& s) override;
};

}  // namespace spv
