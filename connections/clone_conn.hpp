// CloneConn: delivers with another connection's weights, same direction and same geometry (e.g. the reconstruction
// from a sparse code through the dictionary that a plastic connection learns).
#pragma once
#include "connections/dependent_conn.hpp"

namespace spv {

class CloneConn : public DependentConn {
 public:
  using Params = DependentConnParams;
  static const ParamSchema& param_schema();
  CloneConn(const ParamGroup& group, Params p, const BindResult& given);

  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }
  const WeightStore& weights() const override { return original().weights(); }
  bool owns_weights() const override { return false; }

  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  void refresh_weights() override { original().current_weights(); }

 private:
  Params params_;
};

}  // namespace spv
