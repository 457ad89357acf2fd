#include "connections/register_connections.hpp"

#include "connections/clone_conn.hpp"
#include "connections/copy_conn.hpp"
#include "connections/feedback_conn.hpp"
#include "connections/hyper_conn.hpp"
#include "connections/ident_conn.hpp"
#include "connections/momentum_conn.hpp"
#include "connections/plastic_clone_conn.hpp"
#include "connections/pooling_conn.hpp"
#include "connections/rescale_conn.hpp"
#include "connections/transpose_conn.hpp"
#include "connections/transpose_pooling_conn.hpp"
#include "connections/wta_conn.hpp"

namespace spv {

void register_connections(Registry& registry) {
  register_type<HyPerConn>(registry);
  register_type<MomentumConn>(registry);
  register_type<TransposeConn>(registry);
  register_type<CloneConn>(registry);
  register_type<IdentConn>(registry);
  register_type<RescaleConn>(registry);
  register_type<CopyConn>(registry);
  register_type<FeedbackConn>(registry);
  register_type<PlasticCloneConn>(registry);
  register_type<PoolingConn>(registry);
  register_type<TransposePoolingConn>(registry);
  register_type<WTAConn>(registry);
}

}  // namespace spv
