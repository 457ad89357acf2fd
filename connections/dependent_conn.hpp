// Base of the connections that deliver with another connection's weights (TransposeConn, CloneConn): the
// originalConnName key, the look-up of the original, and the checks that its arbors match.
#pragma once
#include <string>

#include "connections/conv_connection.hpp"

namespace spv {

struct DependentConnParams : ConvConnectionParams {
  std::string originalConnName;
  bool sharedWeights;
  bool initializeFromCheckpointFlag, writeCompressedCheckpoints;
};

template <class P>
void declare_dependent_conn_keys(SchemaBuilder<P>& b, LayerNames names = LayerNames::Required) {
  declare_conv_connection_keys(b, names, ArborCount::FromOriginal);
  b.key("originalConnName", &P::originalConnName, Required, "the connection whose weights this one uses")
      .key("sharedWeights", &P::sharedWeights, true,
           "taken from the original; false is accepted only when the original's weights are non-shared")
      .key("initializeFromCheckpointFlag", &P::initializeFromCheckpointFlag, false,
           "accepted for OpenPV files; the weights are the original's")
      .key("writeCompressedCheckpoints", &P::writeCompressedCheckpoints, false,
           "accepted for OpenPV files; this connection checkpoints nothing of its own");
}

class DependentConn : public ConvConnection {
 public:
  DependentConn(const ParamGroup& group, const DependentConnParams& p);

  std::vector<std::string> dependencies() const override;
  // Finds the original and checks its arbors; derived types then set their geometry from original().
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  ConvConnection& original() const { return *original_; }

 private:
  std::string original_name_;
  bool shared_weights_;  // the key as given (true by default), checked against the original's weights
  ConvConnection* original_ = nullptr;
};

}  // namespace spv
