#include "connections/dependent_conn.hpp"

#include "core/object_table.hpp"

namespace spv {

DependentConn::DependentConn(const ParamGroup& group, const DependentConnParams& p)
    : ConvConnection(group, p), original_name_(p.originalConnName), shared_weights_(p.sharedWeights) {}

std::vector<std::string> DependentConn::dependencies() const {
  std::vector<std::string> deps = ConvConnection::dependencies();
  deps.push_back(original_name_);
  return deps;
}

void DependentConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  original_ = objects.require<ConvConnection>(original_name_, *this, "originalConnName",
                                              "a connection with weights (HyPerConn, MomentumConn, ...)");
  if (original_ == this) fail("originalConnName", "names this connection itself");
  // OpenPV takes sharedWeights from the original; false where the original is shared cannot be meant.
  if (!shared_weights_ && original_->conv_geometry().shared)
    fail("sharedWeights", "is false, but the original \"" + original_->name() +
                              "\" has shared weights; leave sharedWeights out (it is taken from the original)");
  use_arbors_of(*original_);  // before the base checks the delays against the arbors
  ConvConnection::resolve(objects, ctx);
}

}  // namespace spv
