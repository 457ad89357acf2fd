// L1NormProbe: sum of |A| over the target layer per batch element.
#pragma once
#include "core/group_type.hpp"
#include "probes/norm_probe.hpp"

namespace spv {

// The sum of |A| that L1NormProbe and L1NormLCAProbe share.
class L1NormProbeBase : public NormProbe {
 public:
  using NormProbe::NormProbe;

 protected:
  GridSum local_sum(int b) const override;
};

class L1NormProbe : public Typed<L1NormProbe, NormProbeParams, L1NormProbeBase> {
 public:
  static constexpr const char* kType = "L1NormProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
};

}  // namespace spv
