// PointProbe: V and A of one neuron (global xLoc, yLoc, fLoc, batch element batchLoc) each step, in OpenPV's
// PointProbe line; the rank whose tile holds the neuron reads it and the reduction brings it to the root.
#pragma once
#include "core/group_type.hpp"
#include "probes/layer_probe.hpp"

namespace spv {

struct PointParams : LayerProbeParams {
  int xLoc, yLoc, fLoc, batchLoc;
};

class PointProbe : public Typed<PointProbe, PointParams, LayerProbe> {
 public:
  static constexpr const char* kType = "PointProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  // Coordinates outside the layer are errors at their key, naming the layer's size.
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  // values() holds two numbers, V then A (V is 0 for layers without one), as OpenPV's PointProbe.
  bool has_batch_values() const override { return false; }

 protected:
  void compute(const StepInfo& s, const RunContext& ctx) override;
  void write(const StepInfo& s) override;
  // Names the values of write's lines "[message:] t=... V=... a=...".
  std::string header() const override { return "time,V,a"; }
  std::vector<int> output_batches(const RunContext&) const override { return {params().batchLoc}; }

 private:
  std::vector<double> va_;  // scratch of compute, reused every step
};

}  // namespace spv
