#include "probes/stats_probe.hpp"

namespace spv {

const char* const StatsProbe::kDoc =
    "count, total, min, mean, max, sigma and non-zero count of A or V, per batch element.";

void StatsProbe::declare(SchemaBuilder<Params>& b) { declare_stats_keys(b, false); }

// OpenPV reads the buffer name case-insensitively; the schema has checked it names A or V.
static bool names_v(std::string buffer) {
  for (char& c : buffer) c = char(std::tolower(static_cast<unsigned char>(c)));
  return buffer == "v" || buffer == "membranepotential";
}

StatsProbeBase::StatsProbeBase(const ParamGroup& group, const StatsParams& p)
    : LayerProbe(group, p), params_(p), use_v_(names_v(p.buffer)) {}

void StatsProbeBase::allocate(const RunContext&) {
  if (use_v_ && target().V().empty())
    fail("buffer", "layer \"" + target().name() + "\" (a " + target().type() + ") has no membrane potential");
}

void StatsProbeBase::compute(const StepInfo&, const RunContext& ctx) {
  layer_stats(target(), use_v_, params_.nnzThreshold, *ctx.comm, scratch_, stats_);
}

void StatsProbeBase::write(const StepInfo& s) {
  if (!output().is_open()) return;
  // OpenPV reports the mean activity of a sparse (spiking) layer as a rate per second of dt = 1 ms.
  const bool hertz = !use_v_ && target().common().sparseLayer;
  for (std::size_t b = 0; b < stats_.size(); ++b) {
    const LayerStats& st = stats_[b];
    output().print(int(b), "%st==%6.1f b==%d N==%d Total==%f Min==%f Avg==%f%s Max==%f sigma==%f nnz==%d\n",
                   message_prefix().c_str(), s.time, int(b), int(st.neurons), st.sum, double(st.min),
                   st.mean() * (hertz ? 1000.0 : 1.0), hertz ? " Hz (/dt ms)" : "", double(st.max), st.sigma(),
                   int(st.nonzero));
  }
}

}  // namespace spv
