// FeedbackConn: the transpose of originalConnName delivering from the original's post layer into its pre layer;
// unlike TransposeConn it names no layers, taking them from the original (reversed), as OpenPV's does.
#pragma once
#include <cstdint>

#include "connections/dependent_conn.hpp"
#include "connections/weight_transposer.hpp"
#include "core/group_type.hpp"

namespace spv {

class FeedbackConn : public Typed<FeedbackConn, DependentConnParams, DependentConn> {
 public:
  static constexpr const char* kType = "FeedbackConn";
  static const char* const kDoc;
  // TransposeConn's keys; preLayerName and postLayerName optional (they must agree with the original's).
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  const WeightStore& weights() const override { return weights_; }

  // The original only: its layers are this connection's, so they come before it anyway.
  std::vector<std::string> dependencies() const override { return {params().originalConnName}; }
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void initialize(const RunContext& ctx) override;

 protected:
  // pre = the original's post, post = the original's pre.
  std::pair<std::string, std::string> layer_names(const ObjectTable& objects) const override;
  void refresh_weights() override;

 private:
  WeightTransposer transposer_;
  WeightStore weights_;
  std::uint64_t original_version_ = 0;  // of the original's weights when weights_ was built; 0: never
};

}  // namespace spv
