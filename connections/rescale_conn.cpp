#include "connections/rescale_conn.hpp"

namespace spv {

const char* const RescaleConn::kDoc =
    "Adds scale times pre activity into the post channel neuron for neuron; same sizes.";

void RescaleConn::declare(SchemaBuilder<Params>& b) {
  declare_ident_conn_keys(b);
  b.key("scale", &Params::scale, 1.0, "the factor");
}

}  // namespace spv
