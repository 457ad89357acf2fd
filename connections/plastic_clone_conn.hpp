// PlasticCloneConn: a CloneConn whose Hebbian terms (its own pre and post activity) join the original's weight
// update, so that the shared weights learn from both connections (OpenPV's addClone).
#pragma once
#include "connections/dependent_conn.hpp"
#include "core/group_type.hpp"

namespace spv {

class PlasticCloneConn : public Typed<PlasticCloneConn, DependentConnParams, DependentConn> {
 public:
  static constexpr const char* kType = "PlasticCloneConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  const WeightStore& weights() const override { return original().weights(); }
  bool owns_weights() const override { return false; }

  // Same sizes as the original; registers with the original's updater (which then reads this one's plan).
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  void refresh_weights() override { original().current_weights(); }
};

}  // namespace spv
