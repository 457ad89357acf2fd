#include "core/layer.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

#include "core/errors.hpp"
#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/io/activity_writer.hpp"
#include "core/io/output_directory.hpp"
#include "core/layer_init_v.hpp"
#include "core/object_table.hpp"

namespace spv {

Layer::Layer(const ParamGroup& group, const LayerParams& common)
    : Object(group), common_(common), channel_coefficients_(spv::channel_coefficients(common)), phase_(common.phase) {}
Layer::~Layer() = default;

std::vector<std::string> Layer::dependencies() const {
  std::vector<std::string> deps;
  if (!common_.triggerLayerName.empty()) deps.push_back(common_.triggerLayerName);
  if (!common_.triggerResetLayerName.empty()) deps.push_back(common_.triggerResetLayerName);
  return deps;
}

LayerGeometry Layer::compute_geometry(const RunContext& ctx) const {
  auto scaled = [&](int n, double scale, const char* key) {
    double size = n * scale;
    if (size < 1 || std::floor(size) != size)
      fail(key, "column size " + std::to_string(n) + " times " + format_number(scale) + " = " + format_number(size) +
                    " is not a whole number of neurons");
    return static_cast<int>(size);
  };
  int nx = scaled(ctx.nx, common_.nxScale, "nxScale");
  int ny = scaled(ctx.ny, common_.nyScale, "nyScale");
  return ctx.comm->decomposition().tile(name(), nx, ny, common_.nf, ctx.nbatch);
}

void Layer::resolve(ObjectTable& objects, const RunContext& ctx) {
  if (common_.updateGpu && !ctx.gpu_unavailable.empty())
    fail("updateGpu", "asks for a GPU, but " + ctx.gpu_unavailable + "; set updateGpu = false");
  if (common_.updateGpu) {
    if (!updates_with_kernels())
      fail("updateGpu", "a " + type() + " updates on the CPU only; set updateGpu = false");
    if (!channel_coefficients_.empty())
      fail("channelIndices",
           "channel coefficients other than {1, -1} are summed on the CPU only; set updateGpu = "
           "false");
    backend_ = ctx.gpu;
  }
  geometry_ = compute_geometry(ctx);
  if (!common_.triggerLayerName.empty())
    trigger_layer_ = objects.require<Layer>(common_.triggerLayerName, *this, "triggerLayerName", "a layer");
  if (!common_.triggerResetLayerName.empty()) {
    if (common_.triggerBehavior != TriggerBehavior::ResetStateOnTrigger)
      fail("triggerResetLayerName", "is only used with triggerBehavior = \"resetStateOnTrigger\"");
    trigger_reset_layer_ =
        objects.require<Layer>(common_.triggerResetLayerName, *this, "triggerResetLayerName", "a layer");
  }
  if (common_.triggerBehavior == TriggerBehavior::ResetStateOnTrigger && !trigger_layer_)
    fail("triggerBehavior", "resetStateOnTrigger needs a triggerLayerName");
}

void Layer::allocate(const RunContext& ctx) {
  (void)ctx;
  geometry_.halo = halo_request_;
  // The mirror boundary reflects within the edge tile, so a halo wider than a tile that is not the whole layer
  // would mirror the wrong neurons; the same halo on one tile spanning the layer is fine.
  const Halo& h = geometry_.halo;
  const bool x_split = geometry_.nx < geometry_.nx_global, y_split = geometry_.ny < geometry_.ny_global;
  if (common_.mirrorBCflag && ((x_split && std::max(h.lt, h.rt) > geometry_.nx) ||
                               (y_split && std::max(h.dn, h.up) > geometry_.ny)))
    throw GeometryError("layer \"" + name() + "\": its tile is " + std::to_string(geometry_.nx) + "x" +
                        std::to_string(geometry_.ny) + " but the connections reading it need a halo of " +
                        std::to_string(std::max(h.lt, h.rt)) + "x" + std::to_string(std::max(h.dn, h.up)) +
                        " with mirrorBCflag; use fewer rows or columns");
  const std::size_t nb = std::size_t(geometry_.nbatch);
  if (has_v()) v_.assign(nb * geometry_.neurons(), 0.0f);
  a_.assign(nb * geometry_.neurons_ext(), 0.0f);
  gsyn_.assign(std::size_t(channels_needed()), std::vector<float>(nb * geometry_.neurons(), 0.0f));
  delay_ring_.assign(max_delay_ > 0 ? std::size_t(max_delay_) + 1 : 0, std::vector<float>(a_.size(), 0.0f));
  ring_head_ = 0;
  if (backend_->separate_memory()) {
    if (has_v()) v_mirror_ = std::make_unique<DeviceMirror>(*backend_, v_);
    a_mirror_ = std::make_unique<DeviceMirror>(*backend_, a_);
    gsyn_mirrors_.clear();
    for (auto& channel : gsyn_) gsyn_mirrors_.push_back(std::make_unique<DeviceMirror>(*backend_, channel));
  }
}

void Layer::sync_to_host() const {
  if (v_mirror_) v_mirror_->pull();
  if (a_mirror_) a_mirror_->pull();
  for (const auto& m : gsyn_mirrors_) m->pull();
}

void Layer::host_state_changed() {
  if (v_mirror_) v_mirror_->host_replaced();
  if (a_mirror_) a_mirror_->host_replaced();
  for (auto& m : gsyn_mirrors_) m->host_replaced();
}

bool Layer::device_publish() const {
  const LayerGeometry& g = geometry_;
  return on_device() && delay_ring_.empty() && g.nx == g.nx_global && g.ny == g.ny_global;
}

void Layer::initialize_state(const RunContext& ctx) {
  if (!has_v()) return;
  initialize_v(*this, common_, geometry_, V(), ctx);
}

void Layer::activity_from_v() {
  if (!has_v()) return;
  backend_->threshold({geometry_, kernel_v(), kernel_a_rw(), Threshold{}, true});
}

void Layer::initialize(const RunContext& ctx) {
  initialize_state(ctx);
  activity_from_v();
  sync_to_host();
  if (common_.triggerBehavior == TriggerBehavior::ResetStateOnTrigger && !trigger_reset_layer_) initial_v_ = v_;
  for (auto& level : delay_ring_) level = a_;
  publish(ctx);
  write_schedule_ = WriteSchedule(common_.writeStep, common_.initialWriteTime);
}

std::vector<OutputFile> Layer::output_files(const RunContext&) const {
  if (common_.writeStep < 0) return {};
  return {{name() + ".pvp", "writeStep"}};
}

void Layer::open_outputs(const RunContext& ctx) {
  if (!ctx.output || common_.writeStep < 0) return;
  PvpType type = !common_.sparseLayer       ? PvpType::Dense
                 : common_.writeSparseValues ? PvpType::SparseValues
                                             : PvpType::SparseIndices;
  writer_ = std::make_unique<ActivityWriter>(*ctx.output, name() + ".pvp", geometry_, type, *ctx.comm);
}

std::size_t Layer::buffer_bytes() const {
  std::size_t floats = v_.size() + a_.size() + initial_v_.size();
  for (const auto& channel : gsyn_) floats += channel.size();
  for (const auto& level : delay_ring_) floats += level.size();
  return floats * sizeof(float);
}

void Layer::register_state(CheckpointRegistry& r, const RunContext&) {
  const LayerGeometry& g = geometry_;
  // Per tile and batch slice: written as the global layer, read back as this rank's window of it.
  if (has_v()) r.add_layer_pvp("V", [this] { return std::vector<std::vector<float>*>{&v_}; }, g, Halo{}, EntryKind::Warm);
  r.add_layer_pvp("A", [this] { return std::vector<std::vector<float>*>{&a_}; }, g, g.halo, EntryKind::Warm);
  if (!delay_ring_.empty()) {
    // Every level of every batch element as one frame, level-major.
    r.add_layer_pvp(
        "Delays",
        [this] {
          std::vector<std::vector<float>*> levels;
          for (auto& level : delay_ring_) levels.push_back(&level);
          return levels;
        },
        g, g.halo, EntryKind::Warm);
    r.add_value("DelayHead", ring_head_, EntryKind::Warm);
  }
  r.add_value("nextWriteTime", write_schedule_.next_time(), EntryKind::Run);
  if (writer_) {
    r.add_custom(
        "outputPosition", EntryKind::Run,
        [this](const std::filesystem::path& p) {
          const std::int64_t pos[2] = {writer_->frames_written(), writer_->bytes_written()};
          write_raw_array(p, pos, sizeof(std::int64_t), 2);
        },
        [this](const std::filesystem::path& p) {
          std::int64_t pos[2] = {0, 0};
          read_raw_array(p, pos, sizeof(std::int64_t), 2);
          writer_->resume(pos[0], pos[1]);
        });
  }
}

void Layer::finish(const RunContext&) {
  if (writer_) writer_->close();
}

std::span<const float> Layer::A_delayed(int steps) const {
  if (steps == 0 || delay_ring_.empty()) return A();
  const auto& level = delay_ring_[std::size_t((ring_head_ + steps) % int(delay_ring_.size()))];
  return {level.data(), level.size()};
}

bool Layer::fires_at(double, double) const { return true; }

bool Layer::updates_at(const StepInfo& s) const {
  if (!trigger_layer_ || common_.triggerBehavior == TriggerBehavior::ResetStateOnTrigger) return true;
  return trigger_layer_->fires_at(s.time + common_.triggerOffset, s.dt);
}

void Layer::step(const StepInfo& s, const RunContext& ctx) {
  if (updates_at(s)) {
    if (common_.triggerBehavior == TriggerBehavior::ResetStateOnTrigger &&
        trigger_layer_->fires_at(s.time + common_.triggerOffset, s.dt))
      reset_state();
    if (!channel_coefficients_.empty()) apply_channel_coefficients();
    update_state(s);
    if (ctx.error_on_nan) check_finite(s, ctx);
  }
  if (!gsyn_mirrors_.empty())
    for (auto& m : gsyn_mirrors_) m->zero_both();
  else
    for (auto& channel : gsyn_) std::fill(channel.begin(), channel.end(), 0.0f);
}

void Layer::apply_channel_coefficients() {
  // OpenPV's order: value = 0, value += coefficient[c] * GSyn[c] for c = 0, 1, ...
  const std::size_t channels = std::min(channel_coefficients_.size(), gsyn_.size());
  if (channels == 0) return;
  const std::size_t n = gsyn_[0].size();
  const float* coefficient = channel_coefficients_.data();
  std::vector<float*> g(gsyn_.size());
  for (std::size_t c = 0; c < gsyn_.size(); ++c) g[c] = gsyn_[c].data();
#pragma omp parallel for schedule(static) if (long(n) >= 65536)
  for (long k = 0; k < long(n); ++k) {
    float value = 0.0f;
    for (std::size_t c = 0; c < channels; ++c) value += coefficient[c] * g[c][k];
    g[0][k] = value;
    for (std::size_t c = 1; c < g.size(); ++c) g[c][k] = 0.0f;
  }
}

void Layer::reset_state() {
  if (trigger_reset_layer_) {
    // OpenPV's rule: the reset layer's V when it has one, else its activity (an input layer, say), restricted.
    const LayerGeometry& from = trigger_reset_layer_->geometry();
    if (from.nx != geometry_.nx || from.ny != geometry_.ny || from.nf != geometry_.nf ||
        from.nbatch != geometry_.nbatch)
      throw GeometryError("layer \"" + name() + "\": triggerResetLayerName \"" + trigger_reset_layer_->name() +
                          "\" has a different size");
    std::span<float> v = V();
    if (trigger_reset_layer_->has_v()) {
      auto source = trigger_reset_layer_->V();
      std::copy(source.begin(), source.end(), v.begin());
    } else {
      auto a = std::as_const(*trigger_reset_layer_).A();
      const std::size_t n = geometry_.neurons(), n_ext = from.neurons_ext();
      for (int b = 0; b < geometry_.nbatch; ++b)
        for (int y = 0; y < geometry_.ny; ++y)
          for (int x = 0; x < geometry_.nx; ++x)
            for (int f = 0; f < geometry_.nf; ++f)
              v[b * n + geometry_.index(x, y, f)] = a[b * n_ext + from.ext_index(x, y, f)];
    }
  } else {
    V();  // a sync point: the host copy is about to be written
    v_ = initial_v_;
  }
  activity_from_v();
}

void Layer::publish(const RunContext& ctx) {
  if (device_publish()) {
    // No neighbours and no delays: the halo is the boundary condition, filled where A lives.
    if (!(geometry_.halo == Halo{}) && (common_.mirrorBCflag || !fills_own_boundary()))
      backend_->fill_boundary({geometry_, kernel_a_rw(), common_.mirrorBCflag, static_cast<float>(common_.valueBC)});
    return;
  }
  A();  // a sync point on a device layer: halos and delays are kept on the host
  ctx.comm->exchange_halo(geometry_, a_.data());
  fill_boundary();
  if (!delay_ring_.empty()) {
    ring_head_ = (ring_head_ + int(delay_ring_.size()) - 1) % int(delay_ring_.size());
    delay_ring_[std::size_t(ring_head_)] = a_;
  }
}

void Layer::write_output(const StepInfo& s, const RunContext&) {
  if (!writer_ || !write_schedule_.due(s.time, s.dt)) return;
  writer_->write(s.time, A());
  write_schedule_.advance(s.time, s.dt);
}

void Layer::set_activity(int b, std::span<const float> restricted) {
  const auto& g = geometry_;
  float* a = activity_ptr(b);
  const std::size_t row = std::size_t(g.nx) * g.nf;
  for (int y = 0; y < g.ny; ++y) std::memcpy(a + g.ext_index(0, y, 0), restricted.data() + y * row, row * sizeof(float));
}

// Index into [0, n) for a halo coordinate reflected about the edges as OpenPV's mirror boundary does
// (position -1 - k holds position k).
static int mirror_index(int i, int n) {
  while (i < 0 || i >= n) i = i < 0 ? -1 - i : 2 * n - 1 - i;
  return i;
}

void Layer::fill_boundary() {
  const auto& g = geometry_;
  const Halo& h = g.halo;
  if (h == Halo{}) return;
  // Beyond the global edge, judged in global coordinates: a halo wider than a tile reaches past the edge from a tile
  // that is not at it (mirror halos never do: allocate() refuses them).
  auto outside_x = [&](int x) { return g.kx0 + x < 0 || g.kx0 + x >= g.nx_global; };
  auto outside_y = [&](int y) { return g.ky0 + y < 0 || g.ky0 + y >= g.ny_global; };
  const float value = static_cast<float>(common_.valueBC);
  const bool mirror = common_.mirrorBCflag;
  if (!mirror && fills_own_boundary()) return;
  const int nf = g.nf;
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = activity_ptr(b);
    // Columns first, then whole extended rows, so corners are filled too. The columns pass covers the halo rows as
    // well: beside a neighbouring tile (not the global edge) those rows hold exchanged values that the corner
    // beyond the global edge mirrors; rows beyond the global edge are overwritten by the rows pass anyway.
    for (int y = -h.dn; y < g.ny + h.up; ++y) {
      for (int x = -h.lt; x < g.nx + h.rt; ++x) {
        if (!outside_x(x)) continue;
        float* dst = a + g.ext_index(x, y, 0);
        if (mirror) std::memcpy(dst, a + g.ext_index(mirror_index(x, g.nx), y, 0), nf * sizeof(float));
        else std::fill(dst, dst + nf, value);
      }
    }
    const std::size_t row = std::size_t(g.nx_ext()) * nf;
    for (int y = -h.dn; y < g.ny + h.up; ++y) {
      if (!outside_y(y)) continue;
      float* dst = a + g.ext_index(-h.lt, y, 0);
      if (mirror) std::memcpy(dst, a + g.ext_index(-h.lt, mirror_index(y, g.ny), 0), row * sizeof(float));
      else std::fill(dst, dst + row, value);
    }
  }
}

static std::string describe_non_finite(const char* buffer, float value) {
  return std::string(buffer) + (std::isnan(value) ? " is NaN (not a number)" : value > 0 ? " is +infinity" : " is -infinity");
}

// Whether every value is finite, by the exponent bits alone so that the loop vectorises (the common case, each step
// with errorOnNotANumber); the caller looks for the culprit only when not.
static bool all_finite(const float* p, std::size_t n) {
  std::uint32_t bad = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t bits;
    std::memcpy(&bits, p + i, sizeof bits);
    bad |= (bits & 0x7f800000u) == 0x7f800000u;
  }
  return bad == 0;
}

void Layer::check_finite(const StepInfo& s, const RunContext&) const {
  sync_to_host();
  {
    const auto& g = geometry_;
    bool finite = all_finite(v_.data(), v_.size());
    for (int b = 0; finite && b < g.nbatch; ++b)
      for (int y = 0; finite && y < g.ny; ++y)
        finite = all_finite(a_.data() + std::size_t(b) * g.neurons_ext() + g.ext_index(0, y, 0), std::size_t(g.nx) * g.nf);
    if (finite) return;
  }
  for (std::size_t i = 0; i < v_.size(); ++i)
    if (!std::isfinite(v_[i])) throw NumericError(name(), s.step, s.time, long(i), describe_non_finite("V", v_[i]));
  const auto& g = geometry_;
  for (int b = 0; b < g.nbatch; ++b)
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f) {
          float a = a_[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)];
          if (!std::isfinite(a))
            throw NumericError(name(), s.step, s.time, long(std::size_t(b) * g.neurons() + g.index(x, y, f)),
                               describe_non_finite("A", a));
        }
}

}  // namespace spv
