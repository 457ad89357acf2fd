#include "layers/register_layers.hpp"

#include "layers/ann_layer.hpp"
#include "layers/ann_squared_layer.hpp"
#include "layers/background_layer.hpp"
#include "layers/binning_layer.hpp"
#include "layers/wta_layer.hpp"
#include "layers/constant_layer.hpp"
#include "layers/dependent_firm_threshold_cost_layer.hpp"
#include "layers/dropout_layer.hpp"
#include "layers/filename_parsing_layer.hpp"
#include "layers/firm_threshold_cost_layer.hpp"
#include "layers/gaussian_noise_layer.hpp"
#include "layers/hyper_layer.hpp"
#include "layers/image_layer.hpp"
#include "layers/input_region_layer.hpp"
#include "layers/lca_layer.hpp"
#include "layers/leaky_integrator.hpp"
#include "layers/mask_layer.hpp"
#include "layers/momentum_lca_layer.hpp"
#include "layers/pooling_index_layer.hpp"
#include "layers/ptwise_product_layer.hpp"
#include "layers/ptwise_quotient_layer.hpp"
#include "layers/pvp_layer.hpp"
#include "layers/pvp_list_layer.hpp"
#include "layers/rescale_layer.hpp"
#include "layers/sigmoid_layer.hpp"

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
  register_type<RescaleLayer>(registry);
  register_type<SigmoidLayer>(registry);
  register_type<BackgroundLayer>(registry);
  register_type<BinningLayer>(registry);
  register_type<WtaLayer>(registry);
  register_type<ANNSquaredLayer>(registry);
  register_type<LeakyIntegrator>(registry);
  register_type<PtwiseProductLayer>(registry);
  register_type<PtwiseQuotientLayer>(registry);
  register_type<DropoutLayer>(registry);
  register_type<GaussianNoiseLayer>(registry);
  register_type<PoolingIndexLayer>(registry);
  register_type<FirmThresholdCostLayer>(registry);
  register_type<DependentFirmThresholdCostLayer>(registry);
  register_type<MomentumLCALayer>(registry);
  register_type<InputRegionLayer>(registry);
  register_type<PvpListLayer>(registry);
  register_type<FilenameParsingLayer>(registry);
}

}  // namespace spv
