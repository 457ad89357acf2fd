// RequireAllZeroActivityProbe: a StatsProbe of the activity that fails the run when any value exceeds nnzThreshold
// in magnitude (a test helper): at once (immediateExitOnFailure), at the end (exitOnFailure), or only with a warning.
#pragma once
#include <optional>

#include "probes/stats_probe.hpp"

namespace spv {

struct RequireAllZeroParams : StatsParams {
  bool exitOnFailure, immediateExitOnFailure;
};

class RequireAllZeroActivityProbe : public Typed<RequireAllZeroActivityProbe, RequireAllZeroParams, StatsProbeBase> {
 public:
  static constexpr const char* kType = "RequireAllZeroActivityProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;

  // As StatsProbe, then checks; throws Error naming the layer and step when failing immediately.
  void sample(const StepInfo& s, const RunContext& ctx) override;
  // Closes the files; throws the first failure when exitOnFailure holds and it was not thrown already.
  void finish(const RunContext& ctx) override;
  // The description of the first step with non-zero activity, if any.
  const std::optional<std::string>& first_failure() const { return first_failure_; }

 private:
  std::optional<std::string> first_failure_;
};

}  // namespace spv
