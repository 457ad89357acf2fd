// MomentumConn: a HyPerConn whose weight updates carry momentum; the momentum keys are declared and validated here
// and used by its MomentumUpdater.
#pragma once
#include "connections/hyper_conn.hpp"

namespace spv {

enum class MomentumMethod { None, Viscosity, Simple, Alex };

struct MomentumConnParams : HyPerConnParams {
  MomentumMethod momentumMethod;
  double timeConstantTau, momentumDecay;
  std::string initPrev_dWFile;
  int prev_dWFrameNumber;
};

class MomentumConn : public Typed<MomentumConn, MomentumConnParams, HyPerConnBase> {
 public:
  static constexpr const char* kType = "MomentumConn";
  static constexpr const char* kDoc =
      "A HyPerConn whose weight updates carry momentum (dW mixed with the previous dW); when it learns, the previous "
      "dW is written beside the weights, as NAME.prevDelta.pvp on the same schedule.";
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  const MomentumConnParams& momentum_params() const { return params(); }

 protected:
  std::unique_ptr<HebbianUpdater> make_updater(HebbianSources sources) const override;
  // A learning MomentumConn also writes its previous dW on the weights' schedule, NAME.prevDelta.pvp (OpenPV's
  // file, which a later run's initPrev_dWFile reads).
  std::vector<ExtraWeightFile> extra_weight_files() const override;
};

}  // namespace spv
