// IdentConn (post input += pre activity, neuron for neuron) and the one-to-one base it shares with RescaleConn.
#pragma once
#include "core/group_type.hpp"
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
  declare_accumulate_key(b);
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
  OneToOneConn(const ParamGroup& group, const ConnectionParams& common);
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void deliver(const StepInfo& s) override;
  bool delivers_with_kernels() const override { return true; }
  // The factor on pre activity (1 for IdentConn).
  virtual float scale() const = 0;

 private:
  // receiveGpu: pre activity uploaded when it is not on the device already (a CPU pre layer, or a delay).
  BackendBuffer device_pre_;
};

class IdentConn : public Typed<IdentConn, IdentConnParams, OneToOneConn> {
 public:
  static constexpr const char* kType = "IdentConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  float scale() const override { return 1.0f; }
};

}  // namespace spv
