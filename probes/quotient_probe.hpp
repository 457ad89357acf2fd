// QuotientProbe: per batch element, the value of one probe divided by another's (OpenPV's QuotientProbe), e.g. the
// input's energy over the total energy as the quantity an adaptive timescale follows.
#pragma once
#include "core/group_type.hpp"
#include "probes/base_probe.hpp"

namespace spv {

struct QuotientProbeParams : ProbeParams {
  std::string numerator, denominator;
};

class QuotientProbe : public Typed<QuotientProbe, QuotientProbeParams, BaseProbe> {
 public:
  static constexpr const char* kType = "QuotientProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  std::vector<std::string> dependencies() const override;
  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  std::string target_description() const override;

 protected:
  // Refreshes both probes for this step (each computes at most once), then divides their raw values.
  void compute(const StepInfo& s, const RunContext& ctx) override;
  void write(const StepInfo& s) override;
  std::string header() const override { return "message,time,index,quotient"; }

 private:
  BaseProbe* numerator_ = nullptr;
  BaseProbe* denominator_ = nullptr;
  std::vector<double> quotient_;  // scratch of compute, reused every step
};

}  // namespace spv
