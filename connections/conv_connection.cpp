#include "connections/conv_connection.hpp"

#include <filesystem>

#include "core/checkpoint/checkpoint_registry.hpp"

#include "connections/conv_kernels_cpu.hpp"
#include "connections/weight_file.hpp"
#include "core/errors.hpp"
#include "core/io/output_directory.hpp"

namespace spv {

namespace {

std::string layer_text(const Layer& l) {
  const LayerGeometry& g = l.geometry();
  return "\"" + l.name() + "\" (nx " + std::to_string(g.nx_global) + ", ny " + std::to_string(g.ny_global) + ", nf " +
         std::to_string(g.nf) + ")";
}

}  // namespace

ConvConnection::ConvConnection(const ParamGroup& group, const ConvConnectionParams& p)
    : Connection(group, p), conv_params_(p) {}

std::string ConvConnection::describe_layers() const {
  return "connection \"" + name() + "\": pre " + layer_text(pre()) + ", post " + layer_text(post());
}

void ConvConnection::resolve(ObjectTable& objects, const RunContext& ctx) {
  Connection::resolve(objects, ctx);
  if (common().receiveGpu && !post().common().updateGpu)
    fail("receiveGpu", "delivers on the GPU into \"" + post().name() +
                           "\", which updates on the CPU; set updateGpu = true there, or receiveGpu = false here");
}

void ConvConnection::set_geometry(int nxp, int nyp, int nfp, bool shared) {
  const LayerGeometry& pre_g = pre().geometry();
  const LayerGeometry& post_g = post().geometry();
  if (nfp == -1) nfp = post_g.nf;
  std::string problem = axis_problem(pre_g.nx_global, post_g.nx_global, nxp);
  if (!problem.empty()) throw GeometryError(describe_layers() + ": along x (nxp " + std::to_string(nxp) + "): " + problem);
  problem = axis_problem(pre_g.ny_global, post_g.ny_global, nyp);
  if (!problem.empty()) throw GeometryError(describe_layers() + ": along y (nyp " + std::to_string(nyp) + "): " + problem);
  if (nfp != post_g.nf)
    throw GeometryError(describe_layers() + ": nfp " + std::to_string(nfp) + " must equal the post layer's nf (" +
                        std::to_string(post_g.nf) + "); set nfp = " + std::to_string(post_g.nf) + " or leave it out");
  ConvGeometry g;
  g.x = make_axis(pre_g.nx_global, post_g.nx_global, nxp);
  g.y = make_axis(pre_g.ny_global, post_g.ny_global, nyp);
  g.nf_pre = pre_g.nf;
  g.nfp = nfp;
  g.shared = shared;
  // The CUDA kernels convolve shared kernels only (one contract, the CPU the only back-end of non-shared weights).
  if (!shared && common().receiveGpu)
    fail("receiveGpu",
         "is true, but non-shared weights (sharedWeights = false) deliver on the CPU only; set "
         "receiveGpu = false");
  geometry_ = g;
  pre().require_halo(g.pre_halo());
}

void ConvConnection::set_geometry(const ConvGeometry& g) {
  const LayerGeometry& pre_g = pre().geometry();
  const LayerGeometry& post_g = post().geometry();
  if (g.x.n_pre != pre_g.nx_global || g.y.n_pre != pre_g.ny_global || g.nf_pre != pre_g.nf ||
      g.x.n_post != post_g.nx_global || g.y.n_post != post_g.ny_global || g.nfp != post_g.nf)
    throw GeometryError(describe_layers() + ": the weights connect a " + std::to_string(g.x.n_pre) + "x" +
                        std::to_string(g.y.n_pre) + "x" + std::to_string(g.nf_pre) + " pre layer to a " +
                        std::to_string(g.x.n_post) + "x" + std::to_string(g.y.n_post) + "x" + std::to_string(g.nfp) +
                        " post layer (nx x ny x nf)");
  set_geometry(g.nxp(), g.nyp(), g.nfp, g.shared);
}

void ConvConnection::allocate(const RunContext& ctx) {
  Connection::allocate(ctx);
  plan_ = ConvPlan(geometry_, pre().geometry(), post().geometry());
  if (common().receiveGpu) {
    if (channel() >= 0) allocate_on_device();
    return;
  }
  try {
    cpu_delivery_.setup(plan_, conv_params_.deliveryMethod, conv_params_.updateGSynFromPostPerspective,
                        common().numAxonalArbors);
  } catch (const Error& e) {
    fail("deliveryMethod", e.what());
  }
}

void ConvConnection::initialize(const RunContext& ctx) {
  Connection::initialize(ctx);
  write_schedule_ = WriteSchedule(conv_params_.writeStep, conv_params_.initialWriteTime);
  file_started_ = false;
}

void ConvConnection::deliver(const StepInfo&) {
  if (channel() < 0) return;
  if (device_kernels_) {
    deliver_on_device();
    return;
  }
  refresh_weights();
  const WeightStore& w = weights();
  std::span<float> gsyn = post().gsyn(channel());
  for (int arbor = 0; arbor < w.arbors(); ++arbor) {
    cpu_delivery_.deliver(arbor, pre().A_delayed(delay_steps(arbor)), w, gsyn);
  }
}

void ConvConnection::allocate_on_device() {
  Backend& gpu = post().backend();
  device_kernels_ = make_conv_kernels(gpu, conv_shape_of(geometry_, pre().geometry(), post().geometry()));
  device_weights_ =
      BackendBuffer(gpu, std::size_t(common().numAxonalArbors) * geometry_.kernels() * geometry_.patch_size());
  device_pre_ = BackendBuffer(gpu, pre().A().size());
  // On the GPU, "auto" gathers over the listed active pre neurons (the same bits as the dense gather, and as the
  // CPU's deliveries); "library" is cuDNN where the shape allows.
  const DeliveryMethod method = conv_params_.deliveryMethod;
  device_mode_ = DeliveryMode::Sparse;
  if (method == DeliveryMethod::Perspective && conv_params_.updateGSynFromPostPerspective)
    device_mode_ = DeliveryMode::Dense;
  if (method == DeliveryMethod::Library) {
    if (!device_kernels_->enable_library())
      fail("deliveryMethod", "\"library\" on the GPU (cuDNN) takes connections whose axes are not one-to-many on "
                             "one and many-to-one on the other, with the pre halo symmetric; use \"auto\" here");
    device_mode_ = DeliveryMode::Library;
  }
}

void ConvConnection::deliver_on_device() {
  refresh_weights();
  const WeightStore& w = weights();
  Backend& gpu = post().backend();
  if (uploaded_store_ != &w || uploaded_version_ != w.version()) {
    gpu.to_device(device_weights_.data(), w.values().data(), w.values().size() * sizeof(float));
    uploaded_store_ = &w;
    uploaded_version_ = w.version();
  }
  float* gsyn = post().kernel_gsyn_rw(channel());
  for (int arbor = 0; arbor < w.arbors(); ++arbor) {
    const float* activity = nullptr;
    if (delay_steps(arbor) == 0 && pre().on_device() && &pre().backend() == &gpu) {
      activity = pre().kernel_a();
    } else {
      std::span<const float> a = pre().A_delayed(delay_steps(arbor));
      gpu.to_device(device_pre_.data(), a.data(), a.size() * sizeof(float));
      activity = device_pre_.data();
    }
    device_kernels_->deliver({activity, device_weights_.data() + std::size_t(arbor) * w.arbor_size(), gsyn}, device_mode_);
  }
}

std::vector<OutputFile> ConvConnection::output_files(const RunContext&) const {
  if (conv_params_.writeStep < 0) return {};
  std::vector<OutputFile> files{{name() + ".pvp", "writeStep"}};
  for (const auto& extra : extra_weight_files()) files.push_back({name() + "." + extra.tag + ".pvp", "writeStep"});
  return files;
}

std::optional<WeightShape> ConvConnection::weight_shape() const {
  const long count = long(common().numAxonalArbors) * geometry_.kernels() * long(geometry_.patch_size());
  return WeightShape{geometry_.nxp(), geometry_.nyp(), geometry_.nfp, count, owns_weights()};
}

void ConvConnection::write_output(const StepInfo& s, const RunContext& ctx) {
  if (!write_schedule_.due(s.time, s.dt)) return;
  if (ctx.output && ctx.output->writer()) {
    refresh_weights();
    write_weight_file(ctx.output->stage(name() + ".pvp"), weights(), geometry_, s.time, file_started_,
                      conv_params_.writeCompressedWeights, true);
    file_started_ = true;
    const auto extras = extra_weight_files();
    extra_started_.resize(extras.size(), false);
    for (std::size_t i = 0; i < extras.size(); ++i) {
      const WeightStore& w = weights();
      WeightStore values(w.arbors(), w.kernels(), w.nyp(), w.nxp(), w.nfp());
      const std::span<const float> from = extras[i].values();
      std::copy(from.begin(), from.end(), values.values().begin());
      write_weight_file(ctx.output->stage(name() + "." + extras[i].tag + ".pvp"), values, geometry_, s.time,
                        extra_started_[i], conv_params_.writeCompressedWeights, true);
      extra_started_[i] = true;
    }
  }
  write_schedule_.advance(s.time, s.dt);
}

}  // namespace spv

namespace spv {

void ConvConnection::register_state(CheckpointRegistry& r, const RunContext& ctx) {
  r.add_value("nextWriteTime", write_schedule_.next_time(), EntryKind::Run);
  if (conv_params_.writeStep < 0 || !ctx.output) return;
  register_file_position(r, ctx.output, "outputPosition", name() + ".pvp", file_started_);
  const auto extras = extra_weight_files();
  extra_started_.resize(extras.size(), false);
  for (std::size_t i = 0; i < extras.size(); ++i)
    register_file_position(r, ctx.output, extras[i].tag + "OutputPosition", name() + "." + extras[i].tag + ".pvp",
                           extra_started_[i]);
}

void ConvConnection::register_file_position(CheckpointRegistry& r, OutputDirectory* out, const std::string& entry,
                                            const std::string& file, bool& started) {
  r.add_custom(
      entry, EntryKind::Run,
      [&started, out, file](const std::filesystem::path& p) {
        std::int64_t bytes = 0;
        if (started && out->writer()) bytes = std::int64_t(std::filesystem::file_size(out->stage(file)));
        write_raw_array(p, &bytes, sizeof bytes, 1);
      },
      [&started, out, file](const std::filesystem::path& p) {
        std::int64_t bytes = 0;
        read_raw_array(p, &bytes, sizeof bytes, 1);
        started = bytes > 0;
        if (started) out->resume(file, std::uint64_t(bytes));
      });
}

}  // namespace spv
