// RequireAllZeroActivityProbe: a StatsProbe of the activity that fails the run when any value exceeds nnzThreshold
// in magnitude (a test helper): at once (immediateExitOnFailure), at the end (exitOnFailure), or only with a warning.
#pragma once
#include <optional>

#include "probes/stats_probe.hpp"

namespace spv {

struct RequireAllZeroParams : StatsParams {
  bool exitOnFailure, immediateExitOnFailure;
};

class RequireAllZeroActivityProbe : public StatsProbe {
 public:
  using Params = RequireAllZeroParams;
  static const ParamSchema& param_schema();
  RequireAllZeroActivityProbe(const ParamGroup& group, Params p, const BindResult& given);
  const ParamSchema& schema() const override { return param_schema(); }
  const void* params_ptr() const override { return &params_; }

  // As StatsProbe, then checks; throws Error naming the layer and step when failing immediately.
  void sample(const StepInfo& s, const RunContext& ctx) override;
  // Closes the files; throws the first failure when exitOnFailure holds and it was not thrown already.
  void finish(const RunContext& ctx) override;
  // The description of the first step with non-zero activity, if any.
  const std::optional<std::string>& first_failure() const { return first_failure_; }

 private:
  Params params_;
  std::optional<std::string> first_failure_;
};

}  // namespace spv
