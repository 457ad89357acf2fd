// L0NormProbe: the number of neurons of the target layer with |A| > nnzThreshold, per batch element.
#pragma once
#include "core/group_type.hpp"
#include "probes/norm_probe.hpp"

namespace spv {

// The count of |A| > threshold that L0NormProbe and L0NormLCAProbe share; each says where its threshold comes from.
class L0NormProbeBase : public NormProbe {
 public:
  using NormProbe::NormProbe;

 protected:
  virtual double nnz_threshold() const = 0;
  GridSum local_sum(int b) const override;
};

struct L0NormParams : NormProbeParams {
  double nnzThreshold;
};

class L0NormProbe : public Typed<L0NormProbe, L0NormParams, L0NormProbeBase> {
 public:
  static constexpr const char* kType = "L0NormProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

 protected:
  double nnz_threshold() const override { return params().nnzThreshold; }
};

}  // namespace spv
