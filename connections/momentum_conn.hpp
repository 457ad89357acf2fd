// MomentumConn: a HyPerConn whose weight updates carry momentum; the momentum keys are declared and validated here
// and used by its MomentumUpdater.
#pragma once
#include "connections/hyper_conn.hpp"

namespace spv {

struct MomentumConnParams : HyPerConnParams {
  std::string momentumMethod;
  double timeConstantTau, momentumDecay;
  std::string initPrev_dWFile;
  int prev_dWFrameNumber;
};

class MomentumConn : public HyPerConn {
 public:
  using Params = MomentumConnParams;
  static const ParamSchema& param_schema();
  MomentumConn(const ParamGroup& group, Params p, const BindResult& given);

  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }
  const MomentumConnParams& momentum_params() const { return params_; }

 protected:
  std::unique_ptr<HebbianUpdater> make_updater(HebbianSources sources) const override;

 private:
  static Params with_default_tau(Params p, const BindResult& given);
  Params params_;
};

}  // namespace spv
