// L1NormLCAProbe: an L1NormProbe whose coefficient is the target layer's VThresh, so that with an L2NormProbe it
// makes the LCA energy 1/2||r||^2 + lambda||a||_1.
#pragma once
#include "probes/l1_norm_probe.hpp"

namespace spv {

class L1NormLCAProbe : public L1NormProbe {
 public:
  static const ParamSchema& param_schema();
  using L1NormProbe::L1NormProbe;
  const ParamSchema& schema() const override { return param_schema(); }
  // Takes the coefficient from the target; a target without a finite VThresh is an error at targetLayer.
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
};

}  // namespace spv
