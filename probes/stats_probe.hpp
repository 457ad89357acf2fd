// StatsProbe: per batch element, the count, total, min, mean, max, standard deviation and number of non-zero values
// of a layer's activity or membrane potential, in OpenPV's StatsProbe line.
#pragma once
#include "core/group_type.hpp"
#include <cctype>

#include "probes/layer_probe.hpp"
#include "probes/layer_stats.hpp"

namespace spv {

struct StatsParams : LayerProbeParams {
  std::string buffer;
  double nnzThreshold;
};

// `activity_only`: the type always reads A (RequireAllZeroActivityProbe); buffer may then only name activity.
template <class P>
void declare_stats_keys(SchemaBuilder<P>& b, bool activity_only) {
  declare_layer_probe_keys(b);
  auto buffer_check = [activity_only](const ParamValue& v) {
    std::string s = v.as_string();
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (s == "a" || s == "activity") return std::string();
    if (!activity_only && (s == "v" || s == "membranepotential")) return std::string();
    return std::string(activity_only ? "this probe reads activity: \"Activity\" or \"A\""
                                     : "one of \"Activity\", \"A\", \"MembranePotential\", \"V\"");
  };
  b.key("buffer", &P::buffer, std::string("Activity"), "which buffer: Activity (A) or MembranePotential (V)",
        {buffer_check})
      .key("nnzThreshold", &P::nnzThreshold, 0.0, "a value counts as non-zero when its magnitude exceeds this");
}

// What StatsProbe and RequireAllZeroActivityProbe share; the concrete types own the params.
class StatsProbeBase : public LayerProbe {
 public:
  StatsProbeBase(const ParamGroup& group, const StatsParams& p);
  // Reading V of a layer without one is an error at buffer.
  void allocate(const RunContext& ctx) override;
  bool has_batch_values() const override { return false; }

  // The statistics of the latest sample, per global batch element.
  const std::vector<LayerStats>& stats() const { return stats_; }

 protected:
  void compute(const StepInfo& s, const RunContext& ctx) override;
  void write(const StepInfo& s) override;
  // Names the values of write's "key==value" lines, in their order (Avg may carry " Hz (/dt ms)").
  std::string header() const override { return "time,index,N,Total,Min,Avg,Max,sigma,nnz"; }

 private:
  const StatsParams& params_;  // a view of the concrete type's params
  bool use_v_;
  std::vector<LayerStats> stats_;
  LayerStatsScratch scratch_;
};

class StatsProbe : public Typed<StatsProbe, StatsParams, StatsProbeBase> {
 public:
  static constexpr const char* kType = "StatsProbe";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
};

}  // namespace spv
