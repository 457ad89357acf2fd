#include "connections/momentum_conn.hpp"

#include "connections/momentum_updater.hpp"
#include "connections/weight_file.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

const ParamSchema& MomentumConn::param_schema() {
  static const ParamSchema s = [] {
    ParamSchema s("MomentumConn", "A HyPerConn whose weight updates carry momentum (dW mixed with the previous dW).");
    SchemaBuilder<Params> b(s);
    declare_hyper_conn_keys(b);
    b.key("momentumMethod", &Params::momentumMethod, Nil,
          "viscosity (f = exp(-1/timeConstantTau)), simple (f = timeConstantTau) or alex (as simple, decay times "
          "dWMax); required when plasticityFlag is true")
        .key("timeConstantTau", &Params::timeConstantTau, 100.0,
             "momentum time constant (default by method: viscosity 100, simple 0.25, alex 0.9)")
        .alias("timeConstantTau", "momentumTau")
        .key("momentumDecay", &Params::momentumDecay, 0.0, "weight decay: dW -= momentumDecay * W",
             {checks::in_range(0.0, 1.0)})
        .key("initPrev_dWFile", &Params::initPrev_dWFile, Nil, "PVP file holding the initial previous dW")
        .key("prev_dWFrameNumber", &Params::prev_dWFrameNumber, 0, "frame of initPrev_dWFile to read",
             {checks::non_negative()});
    return s;
  }();
  return s;
}

MomentumConn::Params MomentumConn::with_default_tau(Params p, const BindResult& given) {
  if (!given.has("timeConstantTau")) {
    if (p.momentumMethod == "simple") p.timeConstantTau = 0.25;
    if (p.momentumMethod == "alex") p.timeConstantTau = 0.9;
  }
  return p;
}

MomentumConn::MomentumConn(const ParamGroup& group, Params p, const BindResult& given)
    : HyPerConn(group, p, given), params_(with_default_tau(std::move(p), given)) {
  const Params& q = params_;
  if (q.momentumMethod.empty()) {
    if (q.plasticityFlag) fail("momentumMethod", "is required when plasticityFlag is true (viscosity, simple or alex)");
    return;
  }
  if (q.momentumMethod != "viscosity" && q.momentumMethod != "simple" && q.momentumMethod != "alex")
    fail("momentumMethod", "\"" + q.momentumMethod + "\" is not a momentum method; use viscosity, simple or alex");
  if (q.momentumMethod == "viscosity" && q.timeConstantTau < 0)
    fail("timeConstantTau", "must be >= 0 with momentumMethod \"viscosity\"");
  if (q.momentumMethod != "viscosity" && (q.timeConstantTau < 0 || q.timeConstantTau >= 1))
    fail("timeConstantTau", "must be in [0, 1) with momentumMethod \"" + q.momentumMethod + "\"");
}

std::unique_ptr<HebbianUpdater> MomentumConn::make_updater(HebbianSources sources) const {
  const WeightStore& w = weights();
  std::vector<float> prev(w.values().size(), 0.0f);
  if (!params_.initPrev_dWFile.empty()) {
    WeightStore file_prev(w.arbors(), w.kernels(), w.nyp(), w.nxp(), w.nfp());
    const SharedWeights file = read_shared_weights(params_.initPrev_dWFile, params_.prev_dWFrameNumber);
    const std::string mismatch = copy_matching_weights(file, conv_geometry(), file_prev);
    if (!mismatch.empty()) fail("initPrev_dWFile", params_.initPrev_dWFile + " " + mismatch);
    prev.assign(file_prev.values().begin(), file_prev.values().end());
  }
  return std::make_unique<MomentumUpdater>(params_, std::move(sources), w, std::move(prev));
}

}  // namespace spv
