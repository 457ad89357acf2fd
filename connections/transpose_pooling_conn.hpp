// TransposePoolingConn: routes activity back through originalConnName, a PoolingConn, from its post layer's size
// to its pre layer's: for max pooling to the winners its index layer recorded (without one, to the winners of the
// original's windows over its pre layer's activity now, as OpenPV's cuDNN path finds them), for sum and average
// pooling to every neuron of the windows (the largest value, as OpenPV's CPU delivery).
#pragma once
#include <string>

#include "connections/conv_delivery.hpp"
#include "connections/pooling_conn.hpp"
#include "core/comm/communicator.hpp"
#include "core/connection.hpp"
#include "core/group_type.hpp"

namespace spv {

struct TransposePoolingConnParams : ConnectionParams {
  std::string originalConnName;
  bool updateGSynFromPostPerspective;
};

class TransposePoolingConn : public Typed<TransposePoolingConn, TransposePoolingConnParams, Connection> {
 public:
  static constexpr const char* kType = "TransposePoolingConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void deliver(const StepInfo& s) override;

 private:
  const PoolingConn* original_ = nullptr;
  ConvGeometry geometry_;  // the original's windows, transposed
  ConvPlan plan_;
  // Max pooling without an index layer: the winners found at each delivery, in the pooled layer's shape with the
  // halo this connection reads, and the communicator that fills that halo from the neighbouring tiles.
  LayerGeometry winners_geometry_;
  std::vector<float> winners_restricted_, winners_;
  Communicator* comm_ = nullptr;
  // Fills winners_ from the original's pre activity.
  void find_winners();
};

}  // namespace spv
