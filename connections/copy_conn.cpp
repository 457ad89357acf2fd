#include "connections/copy_conn.hpp"

#include <algorithm>

#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/errors.hpp"

namespace spv {

const char* const CopyConn::kDoc =
    "Delivers with a copy of originalConnName's weights, renewed after each change of the original and normalised "
    "by its own normalizeMethod; same patch and kernels as the original.";

void CopyConn::declare(SchemaBuilder<Params>& b) {
  using namespace checks;
  declare_dependent_conn_keys(b);
  b.key("normalizeMethod", &Params::normalizeMethod, Required,
        "normalisation of each copy: normalizeL2, normalizeSum, normalizeMax or none",
        {one_of({"normalizeL2", "normalizeSum", "normalizeMax", "none"})})
      .key("strength", &Params::strength, 1.0, "the norm (L2, sum or max) each kernel of the copy is scaled to")
      .key("normalizeArborsIndividually", &Params::normalizeArborsIndividually, false,
           "normalise each arbor's kernel alone instead of the kernel over all arbors")
      .key("normalizeOnInitialize", &Params::normalizeOnInitialize, true, "normalise the first copy")
      .key("normalizeOnWeightUpdate", &Params::normalizeOnWeightUpdate, true,
           "normalise the copies taken after the original's updates")
      .key("normalizeFromPostPerspective", &Params::normalizeFromPostPerspective, false,
           "scale strength by (post neurons / pre neurons)")
      .key("rMinX", &Params::rMinX, 0.0, "zero a central region of this half-width before normalising",
           {non_negative()})
      .key("rMinY", &Params::rMinY, 0.0, "zero a central region of this half-height before normalising",
           {non_negative()})
      .key("normalize_cutoff", &Params::normalize_cutoff, 0.0,
           "zero weights below this fraction of the largest |weight| before normalising", {non_negative()})
      .key("nonnegativeConstraintFlag", &Params::nonnegativeConstraintFlag, false,
           "clip negative weights to zero before normalising")
      .key("minL2NormTolerated", &Params::minL2NormTolerated, 0.0,
           "normalizeL2: kernels whose L2 norm is at most this are left unchanged", {non_negative()})
      .key("minSumTolerated", &Params::minSumTolerated, 0.0,
           "normalizeSum: kernels whose |sum| is at most this are left unchanged", {non_negative()})
      .key("minMaxTolerated", &Params::minMaxTolerated, 0.0,
           "normalizeMax: kernels whose largest weight is at most this are left unchanged");
}

void CopyConn::resolve(ObjectTable& objects, const RunContext& ctx) {
  DependentConn::resolve(objects, ctx);
  // The copy has its own layers; the original's patch on them must give kernels of the original's shape.
  const ConvGeometry& g = original().conv_geometry();
  set_geometry(g.nxp(), g.nyp(), g.nfp, g.shared);
  const ConvGeometry& mine = conv_geometry();
  if (!g.shared && (mine.patches_x() != g.patches_x() || mine.patches_y() != g.patches_y() || mine.nf_pre != g.nf_pre))
    throw GeometryError(describe_layers() + ": a copy of \"" + original().name() + "\" (non-shared weights) needs " +
                        std::to_string(g.kernels()) + " patches (" + std::to_string(g.patches_x()) + "x" +
                        std::to_string(g.patches_y()) + "x" + std::to_string(g.nf_pre) +
                        ") as the original has: a pre layer of its size; its layers give " +
                        std::to_string(mine.kernels()));
  if (mine.kernels_x() != g.kernels_x() || mine.kernels_y() != g.kernels_y() || mine.nf_pre != g.nf_pre)
    throw GeometryError(describe_layers() + ": a copy of \"" + original().name() + "\" needs " +
                        std::to_string(g.kernels()) + " kernels (" + std::to_string(g.kernels_x()) + "x" +
                        std::to_string(g.kernels_y()) + " cells x " + std::to_string(g.nf_pre) +
                        " pre features) as the original has; its layers give " + std::to_string(mine.kernels()));
}

void CopyConn::allocate(const RunContext& ctx) {
  DependentConn::allocate(ctx);
  const ConvGeometry& g = conv_geometry();
  weights_ = WeightStore(common().numAxonalArbors, g.kernels(), g.nyp(), g.nxp(), g.nfp);
}

void CopyConn::initialize(const RunContext& ctx) {
  DependentConn::initialize(ctx);
  original_version_ = 0;
  started_ = restored_ = false;
  kind_ = CopyKind::Initial;
  refresh_weights();
}

void CopyConn::update_weights(const StepInfo&, const RunContext&) { started_ = true; }

NormalizeSettings CopyConn::normalize_settings() const {
  const Params& q = params();
  return normalize_settings_from(
      q, double(post().geometry().global_neurons()) / double(pre().geometry().global_neurons()));
}

void CopyConn::refresh_weights() {
  const WeightStore& from = original().current_weights();
  if (from.version() == original_version_) return;
  if (!restored_) kind_ = started_ ? CopyKind::Update : CopyKind::Initial;
  restored_ = false;
  std::copy(from.values().begin(), from.values().end(), weights_.values().begin());
  const bool normalize = kind_ == CopyKind::Initial ? params().normalizeOnInitialize : params().normalizeOnWeightUpdate;
  if (normalize) normalize_weights(weights_, normalize_settings());
  weights_.touch();
  original_version_ = from.version();
}

void CopyConn::register_state(CheckpointRegistry& r, const RunContext& ctx) {
  DependentConn::register_state(r, ctx);
  r.add_custom(
      "copyKind", EntryKind::Run,
      [this](const std::filesystem::path& p) {
        const std::int32_t k = std::int32_t(kind_);
        write_raw_array(p, &k, sizeof k, 1);
      },
      [this](const std::filesystem::path& p) {
        std::int32_t k = 0;
        read_raw_array(p, &k, sizeof k, 1);
        kind_ = k == 0 ? CopyKind::Initial : CopyKind::Update;
        started_ = restored_ = true;
        original_version_ = 0;  // recopy the original as it is after the restart
      });
}

}  // namespace spv
