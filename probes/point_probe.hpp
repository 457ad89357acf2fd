// PointProbe: V and A of one neuron (global xLoc, yLoc, fLoc, batch element batchLoc) each step, in OpenPV's
// PointProbe line; the rank whose tile holds the neuron reads it and the reduction brings it to the root.
#pragma once
#include "probes/layer_probe.hpp"

namespace spv {

struct PointParams : LayerProbeParams {
  int xLoc, yLoc, fLoc, batchLoc;
};

class PointProbe : public LayerProbe {
 public:
  using Params = PointParams;
  static const ParamSchema& param_schema();
  PointProbe(const ParamGroup& group, Params p, const BindResult&);
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }
  // Coordinates outside the layer are errors at their key, naming the layer's size.
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  // values() holds two numbers, V then A (V is 0 for layers without one), as OpenPV's PointProbe.
  bool has_batch_values() const override { return false; }

 protected:
  void compute(const StepInfo& s, const RunContext& ctx) override;
  void write(const StepInfo& s) override;
  // Names the values of write's lines "[message:] t=... V=... a=...".
  std::string header() const override { return "time,V,a"; }
  std::vector<int> output_batches(const RunContext&) const override { return {params_.batchLoc}; }

 private:
  Params params_;
  std::vector<double> va_;  // scratch of compute, reused every step
};

}  // namespace spv
