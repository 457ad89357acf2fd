#include "layers/register_layers.hpp"

#include "layers/ann_layer.hpp"
#include "layers/constant_layer.hpp"
#include "layers/hyper_layer.hpp"
#include "layers/image_layer.hpp"
#include "layers/lca_layer.hpp"
#include "layers/mask_layer.hpp"
#include "layers/pooling_index_layer.hpp"
#include "layers/pvp_layer.hpp"

namespace spv {

void register_layers(Registry& registry) {
  register_type<HyPerLayer>(registry);
  register_type<ANNLayer>(registry);
  register_type<ANNErrorLayer>(registry);
  register_type<HyPerLCALayer>(registry);
  register_type<ISTALayer>(registry);
  register_type<ConstantLayer>(registry);
  register_type<CloneVLayer>(registry);
  register_type<MaskLayer>(registry);
  register_type<ImageLayer>(registry);
  register_type<PvpLayer>(registry);
  register_type<PoolingIndexLayer>(registry);
}

}  // namespace spv
