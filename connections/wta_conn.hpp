// WTAConn: winner-take-all across features: each post neuron (post nf = 1) adds the largest pre activity over the
// features at its position; pre and post of the same nx and ny.
#pragma once
#include "core/connection.hpp"
#include "core/group_type.hpp"

namespace spv {

// One arbor always (OpenPV's SingleArbor): numAxonalArbors is not a key, so the base is given 1.
class SingleArborConn : public Connection {
 public:
  SingleArborConn(const ParamGroup& group, const ConnectionParams& p);
};

class WTAConn : public Typed<WTAConn, ConnectionParams, SingleArborConn> {
 public:
  static constexpr const char* kType = "WTAConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void deliver(const StepInfo& s) override;
};

}  // namespace spv
