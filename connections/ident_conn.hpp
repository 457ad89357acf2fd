// IdentConn (post input += pre activity, neuron for neuron) and the one-to-one base it shares with RescaleConn.
#pragma once
#include <string>

#include "core/connection.hpp"
#include "core/kernels/backend.hpp"

namespace spv {

struct IdentConnParams : ConnectionParams {
  bool initializeFromCheckpointFlag;
  std::string initWeightsFile;
};

template <class P>
void declare_ident_conn_keys(SchemaBuilder<P>& b) {
  declare_connection_keys(b);
  b.key("initializeFromCheckpointFlag", &P::initializeFromCheckpointFlag, false,
        "accepted for OpenPV files; the connection has no state")
      .key("initWeightsFile", &P::initWeightsFile, Nil, "accepted for OpenPV files; must be unset (NULL)");
  b.cross_check([](const P& p) -> std::pair<std::string, std::string> {
    if (!p.initWeightsFile.empty()) return {"initWeightsFile", "a one-to-one connection has no weights to read"};
    if (p.numAxonalArbors != 1) return {"numAxonalArbors", "a one-to-one connection has exactly one arbor"};
    return {"", ""};
  });
}

// Pre and post of the same size; delivers scale() * A of pre into the post channel.
class OneToOneConn : public Connection {
 public:
  OneToOneConn(const ParamGroup& group, const ConnectionParams& common, float scale);
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void deliver(const StepInfo& s) override;
  bool delivers_with_kernels() const override { return true; }
  float scale() const { return scale_; }

 private:
  float scale_;
  // receiveGpu: pre activity uploaded when it is not on the device already (a CPU pre layer, or a delay).
  BackendBuffer device_pre_;
};

class IdentConn : public OneToOneConn {
 public:
  using Params = IdentConnParams;
  static const ParamSchema& param_schema();
  IdentConn(const ParamGroup& group, Params p, const BindResult& given);
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }

 private:
  Params params_;
};

}  // namespace spv
