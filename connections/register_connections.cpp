#include "connections/register_connections.hpp"

#include "connections/clone_conn.hpp"
#include "connections/hyper_conn.hpp"
#include "connections/ident_conn.hpp"
#include "connections/momentum_conn.hpp"
#include "connections/rescale_conn.hpp"
#include "connections/transpose_conn.hpp"

namespace spv {

void register_connections(Registry& registry) {
  register_type<HyPerConn>(registry, "HyPerConn", ObjectKind::Connection);
  register_type<MomentumConn>(registry, "MomentumConn", ObjectKind::Connection);
  register_type<TransposeConn>(registry, "TransposeConn", ObjectKind::Connection);
  register_type<CloneConn>(registry, "CloneConn", ObjectKind::Connection);
  register_type<IdentConn>(registry, "IdentConn", ObjectKind::Connection);
  register_type<RescaleConn>(registry, "RescaleConn", ObjectKind::Connection);
}

}  // namespace spv
