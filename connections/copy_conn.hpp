// CopyConn: delivers with its own copy of originalConnName's weights, taken again whenever the original's change
// (so after each of its updates), then normalised by the copy's own normalizeMethod, as OpenPV's copy is.
#pragma once
#include <cstdint>
#include <string>

#include "connections/dependent_conn.hpp"
#include "connections/normalize_weights.hpp"
#include "core/group_type.hpp"

namespace spv {

struct CopyConnParams : DependentConnParams {
  std::string normalizeMethod;
  double strength;
  bool normalizeArborsIndividually, normalizeOnInitialize, normalizeOnWeightUpdate, normalizeFromPostPerspective;
  double rMinX, rMinY, normalize_cutoff;
  bool nonnegativeConstraintFlag;
  double minL2NormTolerated, minSumTolerated, minMaxTolerated;
};

class CopyConn : public Typed<CopyConn, CopyConnParams, DependentConn> {
 public:
  static constexpr const char* kType = "CopyConn";
  static const char* const kDoc;
  static void declare(SchemaBuilder<Params>& b);
  using Typed::Typed;
  const WeightStore& weights() const override { return weights_; }
  bool plastic() const override { return original().plastic(); }

  void resolve(ObjectTable& objects, const RunContext& ctx) override;
  void allocate(const RunContext& ctx) override;
  void initialize(const RunContext& ctx) override;
  void update_weights(const StepInfo& s, const RunContext& ctx) override;
  // Copies after the step's updates, as OpenPV's CopyUpdater (deliveries also recopy if the original changed later).
  void finish_weight_updates(const StepInfo&) override { refresh_weights(); }
  // Which normalisation the current copy had (a restart recopies the restored original the same way).
  void register_state(CheckpointRegistry& r, const RunContext& ctx) override;

 protected:
  void refresh_weights() override;

 private:
  // How a copy is normalised: normalizeOnInitialize before the first step's weight updates, then
  // normalizeOnWeightUpdate.
  enum class CopyKind : std::int32_t { Initial = 0, Update = 1 };
  NormalizeSettings normalize_settings() const;

  WeightStore weights_;
  std::uint64_t original_version_ = 0;  // of the original's weights when copied; 0: never
  bool started_ = false;                // a step's weight updates have run
  bool restored_ = false;               // a restart set kind_: the next copy repeats it
  CopyKind kind_ = CopyKind::Initial;
};

}  // namespace spv
