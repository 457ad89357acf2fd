// CloneConn: delivers with another connection's weights, same direction and same geometry (e.g. the reconstruction
// from a sparse code through the dictionary that a plastic connection learns).
#pragma once
#include "core/group_type.hpp"
#include "connections/dependent_conn.hpp"

namespace spv {

class CloneConn : public Typed<CloneConn, DependentConnParams, DependentConn> {
 public:
  static constexpr const char* kType = "CloneConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  const WeightStore& weights() const override { return original().weights(); }
  bool owns_weights() const override { return false; }

  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  void refresh_weights() override { original().current_weights(); }
};

}  // namespace spv
