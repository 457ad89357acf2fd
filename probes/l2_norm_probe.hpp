// L2NormProbe: (sum of A^2)^(exponent/2) over the target layer per batch element (exponent 2 with coefficient 0.5
// gives the 1/2||r||^2 term of the LCA energy).
#pragma once
#include "probes/norm_probe.hpp"

namespace spv {

struct L2NormParams : NormProbeParams {
  double exponent;
};

class L2NormProbe : public NormProbe {
 public:
  using Params = L2NormParams;
  static const ParamSchema& param_schema();
  L2NormProbe(const ParamGroup& group, Params p, const BindResult&);
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }

 protected:
  GridSum local_sum(int b) const override;
  double norm_from_sum(double sum) const override;

 private:
  Params params_;
};

}  // namespace spv
