// RescaleConn: post input += scale * pre activity, neuron for neuron (the input-to-error connection of the tutorial).
#pragma once
#include "connections/ident_conn.hpp"

namespace spv {

struct RescaleConnParams : IdentConnParams {
  double scale;
};

class RescaleConn : public OneToOneConn {
 public:
  using Params = RescaleConnParams;
  static const ParamSchema& param_schema();
  RescaleConn(const ParamGroup& group, Params p, const BindResult& given);
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }

 private:
  Params params_;
};

}  // namespace spv
