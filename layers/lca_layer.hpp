// HyPerLCALayer (the Locally Competitive Algorithm) and ISTALayer: membrane dynamics driven by the residual's
// back-projection, with an optional adaptive step size per batch element.
#pragma once
#include <vector>

#include "core/probe.hpp"
#include "layers/threshold_layer.hpp"

namespace spv {

struct LcaParams : ThresholdParams {
  double timeConstantTau;
  bool selfInteract;
  std::string adaptiveTimeScaleProbe;
};

// What the two sparse-coding layers share: tau, the step size source, resolving the adaptive probe.
class SparseCodingLayer : public ThresholdLayer {
 public:
  using Params = LcaParams;
  SparseCodingLayer(const ParamGroup& group, const Params& p);
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  const void* params_ptr() const override { return &params_; }
  bool updates_with_kernels() const override { return true; }

 protected:
  // Step size h of global batch element b this step: the adaptive timescale, else dt.
  double step_size(int b, const StepInfo& s) const;
  // tau in steps (timeConstantTau / dt), as OpenPV scales it.
  double tau_steps(const StepInfo& s) const { return params_.timeConstantTau / s.dt; }
  Params params_;

 private:
  const TimeScaleSource* timescales_ = nullptr;
};

class HyPerLCALayer : public SparseCodingLayer {
 public:
  static const ParamSchema& param_schema();
  HyPerLCALayer(const ParamGroup& group, Params p, const BindResult& given);
  const ParamSchema& schema() const override { return param_schema(); }

 protected:
  void update_state(const StepInfo& s) override;

 private:
  std::vector<float> decay_;  // e^(-h/tau) per local batch element, refreshed each step
};

class ISTALayer : public SparseCodingLayer {
 public:
  static const ParamSchema& param_schema();
  ISTALayer(const ParamGroup& group, Params p, const BindResult& given);
  const ParamSchema& schema() const override { return param_schema(); }

 protected:
  void update_state(const StepInfo& s) override;

 private:
  std::vector<float> step_over_tau_;  // h/tau per local batch element, refreshed each step
};

}  // namespace spv
