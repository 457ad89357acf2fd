// L2NormProbe: (sum of A^2)^(exponent/2) over the target layer per batch element (exponent 2 with coefficient 0.5
// gives the 1/2||r||^2 term of the LCA energy).
#pragma once
#include "core/group_type.hpp"
#include "probes/norm_probe.hpp"

namespace spv {

struct L2NormParams : NormProbeParams {
  double exponent;
};

class L2NormProbe : public Typed<L2NormProbe, L2NormParams, NormProbe> {
 public:
  static constexpr const char* kType = "L2NormProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  GridSum local_sum(int b) const override;
  double norm_from_sum(double sum) const override;
};

}  // namespace spv
