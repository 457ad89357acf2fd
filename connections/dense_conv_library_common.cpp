#include "connections/dense_conv_library.hpp"

namespace spv {

std::string DenseConvLibrary::unsupported(const ConvPlan& plan) {
  const ConvGeometry& g = plan.geometry();
  if (g.x.up != 1 || g.y.up != 1)
    return "the post layer is denser than the pre layer (a transposed convolution); the library path handles "
           "convolutions onto an equal or sparser post layer";
  if (plan.x().pre.empty() || plan.y().pre.empty()) return "the connection reaches no post neuron on this tile";
  return "";
}

}  // namespace spv
