// L0NormProbe: the number of neurons of the target layer with |A| > nnzThreshold, per batch element.
#pragma once
#include "core/group_type.hpp"
#include "probes/norm_probe.hpp"

namespace spv {

struct L0NormParams : NormProbeParams {
  double nnzThreshold;
};

class L0NormProbe : public Typed<L0NormProbe, L0NormParams, NormProbe> {
 public:
  static constexpr const char* kType = "L0NormProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  GridSum local_sum(int b) const override;
};

}  // namespace spv
