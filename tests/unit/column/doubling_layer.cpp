#include "tests/unit/column/doubling_layer.hpp"

#include "layers/hyper_layer.hpp"

namespace spv::test {

void DoublingLayer::update_state(const StepInfo&) {
  combine_channels(*this, 2.0f);
  activity_from_v();
}

}  // namespace spv::test
