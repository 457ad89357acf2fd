// L0NormLCAProbe: the number of neurons above the target's VThresh, times VThresh^2 / 2: the L0 cost of a
// hard-threshold LCA layer, so that with an L2NormProbe it makes the energy 1/2||r||^2 + lambda^2/2 ||a||_0.
#pragma once
#include "probes/l0_norm_probe.hpp"

namespace spv {

class L0NormLCAProbe : public Typed<L0NormLCAProbe, NormProbeParams, L0NormProbeBase> {
 public:
  static constexpr const char* kType = "L0NormLCAProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  // Takes the threshold and the coefficient from the target; a target without a finite VThresh is an error.
  void resolve(ObjectTable& objects, const RunContext& ctx) override;

 protected:
  double nnz_threshold() const override { return threshold_; }

 private:
  double threshold_ = 0.0;
};

}  // namespace spv
