#include "connections/rescale_conn.hpp"

namespace spv {

const ParamSchema& RescaleConn::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("RescaleConn", "Adds scale times pre activity into the post channel neuron for neuron; same sizes.");
    SchemaBuilder<Params> b(s);
    declare_ident_conn_keys(b);
    b.key("scale", &Params::scale, 1.0, "the factor");
    return s;
  }();
  return s;
}

RescaleConn::RescaleConn(const ParamGroup& group, Params p, const BindResult&)
    : OneToOneConn(group, p, float(p.scale)), params_(std::move(p)) {}

}  // namespace spv
