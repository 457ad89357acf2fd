// TransposeConn: delivers with the transpose of another connection's weights (pre and post swapped), rebuilt
// whenever the original's weights change, so that it is exactly the original's adjoint.
#pragma once
#include "core/group_type.hpp"
#include "connections/dependent_conn.hpp"
#include "connections/weight_transposer.hpp"

namespace spv {

class TransposeConn : public Typed<TransposeConn, DependentConnParams, DependentConn> {
 public:
  static constexpr const char* kType = "TransposeConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  const WeightStore& weights() const override { return weights_; }

  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void initialize(const RunContext& ctx) override;

 protected:
  void refresh_weights() override;

 private:
  WeightTransposer transposer_;
  WeightStore weights_;
  std::uint64_t original_version_ = 0;  // of the original's weights when weights_ was built; 0: never
};

}  // namespace spv
