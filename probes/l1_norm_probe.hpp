// L1NormProbe: sum of |A| over the target layer per batch element.
#pragma once
#include "probes/norm_probe.hpp"

namespace spv {

class L1NormProbe : public NormProbe {
 public:
  using Params = NormProbeParams;
  static const ParamSchema& param_schema();
  L1NormProbe(const ParamGroup& group, Params p, const BindResult&);
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }

 protected:
  GridSum local_sum(int b) const override;

 private:
  Params params_;
};

}  // namespace spv
