// L1NormLCAProbe: an L1NormProbe whose coefficient is the target layer's VThresh, so that with an L2NormProbe it
// makes the LCA energy 1/2||r||^2 + lambda||a||_1.
#pragma once
#include "probes/l1_norm_probe.hpp"

namespace spv {

class L1NormLCAProbe : public Typed<L1NormLCAProbe, NormProbeParams, L1NormProbeBase> {
 public:
  static constexpr const char* kType = "L1NormLCAProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  // Takes the coefficient from the target; a target without a finite VThresh is an error at targetLayer.
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
};

}  // namespace spv
