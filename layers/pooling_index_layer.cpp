#include "layers/pooling_index_layer.hpp"

#include <algorithm>

namespace spv {

void PoolingIndexLayer::update_state(const StepInfo&) {
  std::span<const float> index = gsyn(0);
  std::copy(index.begin(), index.end(), V().begin());
  activity_from_v();
}

}  // namespace spv
