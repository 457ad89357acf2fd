#include "layers/register_layers.hpp"

#include "layers/ann_layer.hpp"
#include "layers/constant_layer.hpp"
#include "layers/hyper_layer.hpp"
#include "layers/image_layer.hpp"
#include "layers/lca_layer.hpp"
#include "layers/mask_layer.hpp"
#include "layers/pvp_layer.hpp"

namespace spv {

void register_layers(Registry& registry) {
  register_type<HyPerLayer>(registry, "HyPerLayer", ObjectKind::Layer);
  register_type<ANNLayer>(registry, "ANNLayer", ObjectKind::Layer);
  register_type<ANNErrorLayer>(registry, "ANNErrorLayer", ObjectKind::Layer);
  register_type<HyPerLCALayer>(registry, "HyPerLCALayer", ObjectKind::Layer);
  register_type<ISTALayer>(registry, "ISTALayer", ObjectKind::Layer);
  register_type<ConstantLayer>(registry, "ConstantLayer", ObjectKind::Layer);
  register_type<CloneVLayer>(registry, "CloneVLayer", ObjectKind::Layer);
  register_type<MaskLayer>(registry, "MaskLayer", ObjectKind::Layer);
  register_type<ImageLayer>(registry, "ImageLayer", ObjectKind::Layer);
  register_type<PvpLayer>(registry, "PvpLayer", ObjectKind::Layer);
}

}  // namespace spv
