#include "connections/momentum_conn.hpp"

#include "connections/momentum_updater.hpp"
#include "connections/weight_file.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

void MomentumConn::declare(SchemaBuilder<Params>& b) {
  declare_hyper_conn_keys(b);
  b.choice("momentumMethod", &Params::momentumMethod, MomentumMethod::None,
           {{"", MomentumMethod::None},
            {"viscosity", MomentumMethod::Viscosity},
            {"simple", MomentumMethod::Simple},
            {"alex", MomentumMethod::Alex}},
           "viscosity (f = exp(-1/timeConstantTau)), simple (f = timeConstantTau) or alex (as simple, decay times "
           "dWMax); required when plasticityFlag is true")
      .derived_key(
          "timeConstantTau", &Params::timeConstantTau, "viscosity 100, simple 0.25, alex 0.9",
          [](const Params& p) {
            if (p.momentumMethod == MomentumMethod::Simple) return 0.25;
            if (p.momentumMethod == MomentumMethod::Alex) return 0.9;
            return 100.0;
          },
          "momentum time constant")
      .alias("timeConstantTau", "momentumTau")
      .key("momentumDecay", &Params::momentumDecay, 0.0, "weight decay: dW -= momentumDecay * W",
           {checks::in_range(0.0, 1.0)})
      .key("initPrev_dWFile", &Params::initPrev_dWFile, Nil, "PVP file holding the initial previous dW")
      .key("prev_dWFrameNumber", &Params::prev_dWFrameNumber, 0, "frame of initPrev_dWFile to read",
           {checks::non_negative()});
  b.cross_check([](const Params& p) -> std::pair<std::string, std::string> {
    if (p.momentumMethod == MomentumMethod::None) {
      if (p.plasticityFlag)
        return {"momentumMethod", "is required when plasticityFlag is true (viscosity, simple or alex)"};
      return {"", ""};
    }
    if (p.momentumMethod == MomentumMethod::Viscosity && p.timeConstantTau < 0)
      return {"timeConstantTau", "must be >= 0 with momentumMethod \"viscosity\""};
    if (p.momentumMethod != MomentumMethod::Viscosity && (p.timeConstantTau < 0 || p.timeConstantTau >= 1))
      return {"timeConstantTau", "must be in [0, 1) with momentumMethod simple or alex"};
    return {"", ""};
  });
}

std::unique_ptr<HebbianUpdater> MomentumConn::make_updater(HebbianSources sources) const {
  const WeightStore& w = weights();
  std::vector<float> prev(w.values().size(), 0.0f);
  if (!params().initPrev_dWFile.empty()) {
    WeightStore file_prev(w.arbors(), w.kernels(), w.nyp(), w.nxp(), w.nfp());
    const std::string mismatch =
        read_weight_file(params().initPrev_dWFile, params().prev_dWFrameNumber, conv_geometry(), file_prev);
    if (!mismatch.empty()) fail("initPrev_dWFile", params().initPrev_dWFile + " " + mismatch);
    prev.assign(file_prev.values().begin(), file_prev.values().end());
  }
  return std::make_unique<MomentumUpdater>(params(), std::move(sources), w, std::move(prev));
}

std::vector<ConvConnection::ExtraWeightFile> MomentumConn::extra_weight_files() const {
  if (!params().plasticityFlag) return {};
  return {{"prevDelta", [this] {
             // The updater exists once the connection is allocated, before anything is written.
             return static_cast<const MomentumUpdater&>(*updater()).prev_dw();
           }}};
}

}  // namespace spv
