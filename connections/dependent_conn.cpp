#include "connections/dependent_conn.hpp"

#include "core/object_table.hpp"

namespace spv {

DependentConn::DependentConn(const ParamGroup& group, const DependentConnParams& p)
    : ConvConnection(group, p), original_name_(p.originalConnName) {}

std::vector<std::string> DependentConn::dependencies() const {
  std::vector<std::string> deps = ConvConnection::dependencies();
  deps.push_back(original_name_);
  return deps;
}

void DependentConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  original_ = objects.require<ConvConnection>(original_name_, *this, "originalConnName",
                                              "a connection with weights (HyPerConn, MomentumConn, ...)");
  if (original_ == this) fail("originalConnName", "names this connection itself");
  use_arbors_of(*original_);  // before the base checks the delays against the arbors
  ConvConnection::resolve(objects, ctx);
}

}  // namespace spv
