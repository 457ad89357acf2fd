// PoolingConn: each post neuron pools its own feature over the pre neurons whose patch (nxp x nyp, placed as a
// HyPerConn's) reaches it: the maximum, the sum or the average; max pooling can record the winners' indices in a
// PoolingIndexLayer (needPostIndexLayer) for TransposePoolingConn.
#pragma once
#include <string>

#include "connections/conv_delivery.hpp"
#include "core/connection.hpp"
#include "core/group_type.hpp"

namespace spv {

enum class PoolingType { Max, Sum, Avg };

struct PoolingConnParams : ConnectionParams {
  PoolingType poolingType;  // key pvpatchAccumulateType
  bool updateGSynFromPostPerspective;
  bool needPostIndexLayer;
  std::string postIndexLayerName;
  int nxp, nyp, nfp;
};

class PoolingConn : public Typed<PoolingConn, PoolingConnParams, Connection> {
 public:
  static constexpr const char* kType = "PoolingConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

  PoolingType pooling_type() const { return params().poolingType; }
  // The geometry of the pooling windows (valid after resolve), and the index layer (null without one).
  const ConvGeometry& pooling_geometry() const { return geometry_; }
  Layer* index_layer() const { return index_layer_; }
  // The windows over this rank's tiles (valid after allocate).
  const ConvPlan& plan() const { return plan_; }

  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void deliver(const StepInfo& s) override;

 private:
  ConvGeometry geometry_;
  ConvPlan plan_;
  Layer* index_layer_ = nullptr;
};

}  // namespace spv
