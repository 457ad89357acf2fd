// L0NormProbe: the number of neurons of the target layer with |A| > nnzThreshold, per batch element.
#pragma once
#include "probes/norm_probe.hpp"

namespace spv {

struct L0NormParams : NormProbeParams {
  double nnzThreshold;
};

class L0NormProbe : public NormProbe {
 public:
  using Params = L0NormParams;
  static const ParamSchema& param_schema();
  L0NormProbe(const ParamGroup& group, Params p, const BindResult&);
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }

 protected:
  GridSum local_sum(int b) const override;

 private:
  Params params_;
};

}  // namespace spv
