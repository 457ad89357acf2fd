#include "connections/hyper_conn.hpp"

#include "connections/momentum_updater.hpp"
#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/errors.hpp"
#include <filesystem>
#include <functional>

#include "connections/nonshared_weights.hpp"
#include "connections/weight_file.hpp"
#include "connections/weight_init.hpp"
#include "connections/weight_init_cocirc.hpp"
#include "connections/weight_init_gauss2d.hpp"
#include "connections/weight_init_spread_over_arbors.hpp"
#include "core/io/pvp_format.hpp"
#include "core/object_table.hpp"
#include "core/rng.hpp"

namespace spv {

HyPerConnBase::HyPerConnBase(const ParamGroup& group, const HyPerConnParams& p) : ConvConnection(group, p), params_(p) {
  const HyPerConnParams& q = params_;
  if (!q.sharedWeights && q.receiveGpu)
    fail("receiveGpu",
         "is true, but non-shared weights (sharedWeights = false) deliver on the CPU only; set "
         "receiveGpu = false");
  if (!q.sharedWeights && q.normalizeFromPostPerspective && q.normalizeMethod != "none")
    fail("normalizeFromPostPerspective",
         "needs shared weights (as in OpenPV): with sharedWeights = false each pre "
         "neuron's patch is normalised alone");
  if (q.normalizeMethod == "normalizeContrastZeroMean")
    fail("normalizeMethod", "\"" + q.normalizeMethod + "\" is not supported yet");
  if (q.normalizeMethod == "normalizeGroup" && q.normalizeGroupName.empty())
    fail("normalizeGroupName", "is required when normalizeMethod is normalizeGroup (the group's head connection)");
  if (q.normalizeMethod != "normalizeGroup" && !q.normalizeGroupName.empty())
    fail("normalizeGroupName", "is only used with normalizeMethod = \"normalizeGroup\", not \"" + q.normalizeMethod +
                                   "\"");
  if (q.plasticityFlag) {
    if (q.triggerLayerName.empty() && q.weightUpdatePeriod <= 0)
      fail("weightUpdatePeriod", "must be positive (the time between weight updates)");
    if (q.combine_dW_with_W_flag && !q.immediateWeightUpdate)
      fail("combine_dW_with_W_flag", "cannot be combined with immediateWeightUpdate = false (OpenPV's delayed "
                                     "update would apply the weights to themselves); set one of them to its default");
  }
}

std::vector<std::string> HyPerConnBase::dependencies() const {
  std::vector<std::string> deps = ConvConnection::dependencies();
  if (params_.plasticityFlag && !params_.triggerLayerName.empty()) deps.push_back(params_.triggerLayerName);
  return deps;
}

void HyPerConnBase::resolve(ObjectTable& objects, const RunContext& ctx) {
  ConvConnection::resolve(objects, ctx);
  if (params_.plasticityFlag && !params_.triggerLayerName.empty())
    trigger_layer_ = objects.require<Layer>(params_.triggerLayerName, *this, "triggerLayerName", "a layer");
  set_geometry(params_.nxp, params_.nyp, params_.nfp, params_.sharedWeights);
  if (init_kind() == WeightInitKind::CoCirc) {
    const int nf = pre().geometry().nf, orientations = params_.numOrientationsPre > 0 ? params_.numOrientationsPre : nf;
    if (nf != orientations)
      fail("numOrientationsPre",
           "is " + std::to_string(orientations) + " but pre \"" + pre().name() + "\" has nf " + std::to_string(nf) +
               "; CoCircWeight with several curvatures per orientation is not supported (OpenPV's "
               "curvature terms then read a pre curvature it never sets)");
  }
  if (in_group()) {
    HyPerConnBase* head = objects.require<HyPerConnBase>(params_.normalizeGroupName, *this, "normalizeGroupName",
                                                         "a HyPerConn (or MomentumConn)");
    if (head == this) fail("normalizeGroupName", "names this connection; name the group's head connection");
    if (head->in_group())
      fail("normalizeGroupName", "\"" + head->name() + "\" is itself in a group (normalizeGroup); name the head");
    head->group_members_.push_back(this);
  }
}

void HyPerConnBase::allocate(const RunContext& ctx) {
  ConvConnection::allocate(ctx);
  const ConvGeometry& g = conv_geometry();
  weights_ = WeightStore(params_.numAxonalArbors, g.kernels(), g.nyp(), g.nxp(), g.nfp);
  if (!params_.plasticityFlag) return;
  HebbianSources sources;
  sources.plan = &conv_plan();
  sources.pre = &pre();
  sources.post = &post();
  for (int arbor = 0; arbor < params_.numAxonalArbors; ++arbor) sources.delay_steps.push_back(delay_steps(arbor));
  sources.trigger = trigger_layer_;
  for (const ConvConnection* c : plastic_clones_) sources.clones.push_back({&c->conv_plan(), &c->pre(), &c->post()});
  // A group is normalised by its head after every member's update (finish_weight_updates), not by each updater.
  if (!in_group() && group_members_.empty()) sources.normalize = normalize_settings();
  updater_ = make_updater(std::move(sources));
}

std::unique_ptr<HebbianUpdater> HyPerConnBase::make_updater(HebbianSources sources) const {
  return std::make_unique<HebbianUpdater>(params_, std::move(sources), weights_);
}

void HyPerConnBase::initialize(const RunContext& ctx) {
  ConvConnection::initialize(ctx);
  initialize_weights(ctx);
  // A group's weights are normalised together once all of them exist (finish_initialize).
  if (params_.normalizeOnInitialize && !in_group() && group_members_.empty())
    normalize_weights(weights_, normalize_settings());
  if (updater_) updater_->initialize();
}

void HyPerConnBase::finish_initialize(const RunContext&) {
  if (group_members_.empty()) return;
  group_ = {&weights_};
  for (HyPerConnBase* m : group_members_) {
    const WeightStore& w = m->weights_;
    if (m->conv_geometry().shared != conv_geometry().shared)
      m->fail("normalizeGroupName", "\"" + name() +
                                        "\" and this connection differ in sharedWeights; a group's "
                                        "kernels or patches are normalised together, so they must agree");
    if (w.arbors() != weights_.arbors() || w.kernels() != weights_.kernels())
      m->fail("normalizeGroupName", "\"" + name() + "\" has " + std::to_string(weights_.arbors()) + " arbor(s) of " +
                                        std::to_string(weights_.kernels()) + " kernels, this connection " +
                                        std::to_string(w.arbors()) + " of " + std::to_string(w.kernels()) +
                                        "; a group's kernels are normalised together, so they must match");
    group_.push_back(&m->weights_);
  }
  if (params_.normalizeOnInitialize) normalize_weight_group(group_, normalize_settings());
}

void HyPerConnBase::update_weights(const StepInfo& s, const RunContext& ctx) {
  if (updater_ && updater_->due(s)) {
    updater_->update(*ctx.comm, weights_);
    updated_ = true;
  }
}

void HyPerConnBase::finish_weight_updates(const StepInfo&) {
  if (group_members_.empty()) return;
  bool any = updated_;
  for (HyPerConnBase* m : group_members_) any = any || m->updated_;
  if (any && params_.normalizeOnWeightUpdate) normalize_weight_group(group_, normalize_settings());
  updated_ = false;
  for (HyPerConnBase* m : group_members_) m->updated_ = false;
}

namespace {

// The initialisers that draw or number each data patch: with non-shared weights each pre neuron's patch gets its own
// (keyed on its global patch index, so the same on every split); the others give every pre neuron its cell's kernel.
bool per_patch(WeightInitKind k) {
  return k == WeightInitKind::UniformRandom || k == WeightInitKind::GaussianRandom ||
         k == WeightInitKind::DiscreteUniformRandom || k == WeightInitKind::Smart || k == WeightInitKind::Uniform ||
         k == WeightInitKind::File;
}

}  // namespace

// OpenPV reads initWeightsFile in every initialiser and, when it is set, loads the file instead of computing.
WeightInitKind HyPerConnBase::init_kind() const {
  return params_.initWeightsFile.empty() ? params_.weightInitType : WeightInitKind::File;
}

void HyPerConnBase::initialize_weights(const RunContext& ctx) {
  if (conv_geometry().shared || per_patch(init_kind())) {
    initialize_weights(ctx, conv_geometry(), weights_);
    return;
  }
  const ConvGeometry kernel_geometry = conv_geometry().as_shared();
  WeightStore kernels(weights_.arbors(), kernel_geometry.kernels(), weights_.nyp(), weights_.nxp(), weights_.nfp());
  initialize_weights(ctx, kernel_geometry, kernels);
  expand_kernels(kernels, conv_geometry(), weights_);
}

void HyPerConnBase::initialize_weights(const RunContext& ctx, const ConvGeometry& g, WeightStore& out) {
  const HyPerConnParams& q = params_;
  const RngKey key{ctx.random_seed, hash_name(name().c_str())};
  switch (init_kind()) {
    case WeightInitKind::UniformRandom:
      init_uniform_random(out, key, {q.wMinInit, q.wMaxInit, q.sparseFraction, q.minNNZ});
      break;
    case WeightInitKind::GaussianRandom: init_gaussian_random(out, key, q.wGaussMean, q.wGaussStdev); break;
    case WeightInitKind::DiscreteUniformRandom:
      init_discrete_uniform_random(out, key, q.wMin, q.wMax, q.numValues);
      break;
    case WeightInitKind::OneToOne: init_one_to_one(out, float(q.weightInit)); break;
    case WeightInitKind::Ident: init_one_to_one(out, 1.0f); break;
    case WeightInitKind::OneToOneWithDelays: init_one_to_one_with_delays(out); break;
    case WeightInitKind::Uniform: init_uniform(out, float(q.weightInit), q.connectOnlySameFeatures); break;
    case WeightInitKind::Smart: init_smart(out); break;
    case WeightInitKind::Gauss2D: init_gauss2d(out, g, gauss2d_settings()); break;
    case WeightInitKind::SpreadOverArbors:
      init_spread_over_arbors(out, g, gauss2d_settings(), float(q.weightInit));
      break;
    case WeightInitKind::CoCirc: {
      CocircWeightInit c;
      c.gauss = gauss2d_settings();
      c.sigma_cocirc = float(q.sigmaCocirc);
      c.cocirc_self = q.cocircSelf;
      init_cocirc(out, g, c);
      break;
    }
    case WeightInitKind::File: {
      // A dry run before the run that writes the file lists it and checks the rest with zero weights.
      if (!std::filesystem::exists(q.initWeightsFile) &&
          defer_missing_file(
              ctx, q.initWeightsFile,
              "initWeightsFile of connection \"" + name() + "\" at " + location_of("initWeightsFile").str()))
        break;
      const std::string mismatch = read_weight_file(q.initWeightsFile, q.frameNumber, g, out);
      if (!mismatch.empty()) fail("initWeightsFile", q.initWeightsFile + " " + mismatch);
      break;
    }
  }
}

Gauss2DWeightInit HyPerConnBase::gauss2d_settings() const {
  const HyPerConnParams& q = params_;
  Gauss2DWeightInit s;
  s.aspect = float(q.aspect);
  s.sigma = float(q.sigma);
  s.r_max = float(q.rMax);
  s.r_min = float(q.rMin);
  s.strength = float(q.strength);
  s.orientations_post = q.numOrientationsPost;
  s.orientations_pre = q.numOrientationsPre;
  s.delta_theta_max = float(q.deltaThetaMax);
  s.theta_max = float(q.thetaMax);
  s.num_flanks = q.numFlanks;
  s.flank_shift = float(q.flankShift);
  s.rotate = float(q.rotate);
  s.bowtie = q.bowtieFlag;
  s.bowtie_angle = float(q.bowtieAngle);
  s.self_connection = &pre() == &post();
  return s;
}

NormalizeSettings HyPerConnBase::normalize_settings() const {
  const HyPerConnParams& q = params_;
  if (in_group()) return {};  // the head normalises the group
  return normalize_settings_from(
      q, double(post().geometry().global_neurons()) / double(pre().geometry().global_neurons()));
}

}  // namespace spv

namespace spv {

namespace {

// A weight-shaped float array (W or prev_dW) as a weight PVP file (shared or non-shared, every value kept), and back
// with every size checked.
void add_weight_pvp(CheckpointRegistry& r, const std::string& entry, const HyPerConnBase& conn, const ConvGeometry& g,
                    std::function<std::span<float>()> values, std::function<void()> loaded) {
  const WeightStore& shape = conn.weights();
  r.add_custom(
      entry + ".pvp", EntryKind::Warm,
      [&shape, &g, values, &r](const std::filesystem::path& p) {
        WeightStore copy(shape.arbors(), shape.kernels(), shape.nyp(), shape.nxp(), shape.nfp());
        const auto v = values();
        std::copy(v.begin(), v.end(), copy.values().begin());
        // The header time is the checkpoint's, as a weight output written at that time would have it.
        write_weight_file(p, copy, g, r.time(), false, false, false);
      },
      [&shape, &g, values, loaded, &conn](const std::filesystem::path& p) {
        if (!std::filesystem::exists(p)) throw IoError(p.string(), "the checkpoint has no such file");
        WeightStore copy(shape.arbors(), shape.kernels(), shape.nyp(), shape.nxp(), shape.nfp());
        const std::string mismatch = read_weight_file(p, 0, g, copy);
        if (!mismatch.empty())
          throw IoError(p.string(), "does not fit connection \"" + conn.name() + "\" (a size changed since the "
                                    "checkpoint): " + mismatch);
        const auto v = values();
        std::copy(copy.values().begin(), copy.values().end(), v.begin());
        loaded();
      });
}

}  // namespace

void HyPerConnBase::register_state(CheckpointRegistry& r, const RunContext& ctx) {
  ConvConnection::register_state(r, ctx);
  if (plastic() || !r.suppress_nonplastic())
    add_weight_pvp(r, "W", *this, conv_geometry(), [this] { return weights_.values(); }, [this] { weights_.touch(); });
  if (!updater_) return;
  updater_->register_state(r);
  if (auto* m = dynamic_cast<MomentumUpdater*>(updater_.get()))
    add_weight_pvp(r, "prev_dW", *this, conv_geometry(),
                   [m] { return std::span<float>(m->mutable_prev_dw()); }, [] {});
}

}  // namespace spv
