#include "layers/input_layer.hpp"

#include <filesystem>

#include "core/checkpoint/checkpoint_registry.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "core/io/output_directory.hpp"
#include "core/rng.hpp"

namespace spv {

bool parse_offset_anchor(const std::string& text, int& horizontal, int& vertical) {
  if (text.size() != 2) return false;
  int h = -1, v = -1, centres = 0;
  for (char raw : text) {
    switch (std::tolower(static_cast<unsigned char>(raw))) {
      case 'l':
        h = h < 0 ? 0 : -2;
        break;
      case 'r':
        h = h < 0 ? 2 : -2;
        break;
      case 't':
        v = v < 0 ? 0 : -2;
        break;
      case 'b':
        v = v < 0 ? 2 : -2;
        break;
      case 'c':
        ++centres;
        break;
      default:
        return false;
    }
  }
  // "c" fills whichever direction the other letter leaves open ("tc", "cl", "cc").
  if (h == -2 || v == -2) return false;
  if (h < 0 && centres > 0) h = 1, --centres;
  if (v < 0 && centres > 0) v = 1, --centres;
  if (h < 0 || v < 0 || centres != 0) return false;
  horizontal = h;
  vertical = v;
  return true;
}

namespace {

// Where the anchor puts a source of `source` pixels against a layer of `layer` pixels: layer pixel X shows source
// pixel X + shift. Centring rounds as OpenPV's Buffer::grow and Buffer::crop do.
int anchor_shift(int source, int layer, int anchor) {
  if (anchor == 0) return 0;
  if (anchor == 1) return source / 2 - layer / 2;
  return source - layer;
}

// Source pixel shown at layer pixel X along one axis, or -1 where the source does not cover it. A rescaled input is
// cropped to the layer before the offset applies (OpenPV translates it afterwards), so what an offset pushes past
// the layer's edge is lost there.
int source_pixel(int x, int layer, int source, int anchor, int offset, bool offset_after_fit) {
  if (offset_after_fit) {
    x += offset;
    if (x < 0 || x >= layer) return -1;
    offset = 0;
  }
  int s = x + offset + anchor_shift(source, layer, anchor);
  return s >= 0 && s < source ? s : -1;
}

struct Tap {
  int index[4];
  float weight[4];
  int count = 0;
};

// OpenPV's bicubic convolution kernel (a = -1).
float bicubic_weight(float x) {
  float a = std::fabs(x);
  return a < 1 ? 1 + a * a * (-2 + a) : a < 2 ? 4 + a * (-8 + a * (5 - a)) : 0;
}

// Input samples and weights for output pixel k of `out` pixels over `in` pixels; the grids meet at both ends.
Tap resample_taps(int k, int in, int out, Interpolation method) {
  Tap t;
  double x = out > 1 ? double(in - 1) / double(out - 1) * k : 0.0;
  if (method == Interpolation::NearestNeighbor) {
    t.index[0] = std::clamp(int(std::nearbyint(x)), 0, in - 1);
    t.weight[0] = 1.0f;
    t.count = 1;
  } else if (method == Interpolation::Bilinear) {
    int x0 = std::min(int(std::floor(x)), in - 1);
    float frac = float(x - x0);
    t.index[0] = x0;
    t.weight[0] = 1.0f - frac;
    t.index[1] = std::min(x0 + 1, in - 1);
    t.weight[1] = frac;
    t.count = 2;
  } else {
    int x0 = int(std::floor(x));
    float frac = float(x - x0);
    for (int off = -1; off <= 2; ++off) {
      int i = x0 + off;
      if (i < 0) i = -i;  // reflect about the edge pixels, as OpenPV does
      if (i >= in) i = 2 * in - 1 - i;
      t.index[t.count] = std::clamp(i, 0, in - 1);
      t.weight[t.count] = bicubic_weight(frac - float(off));
      ++t.count;
    }
  }
  return t;
}

// OpenPV's autoResizeFlag: scale so the input covers the layer ("crop") or fits inside it ("pad").
Image rescale(const Image& in, int layer_w, int layer_h, bool crop, Interpolation method) {
  double xr = double(layer_w) / in.width, yr = double(layer_h) / in.height;
  double f = crop ? std::max(xr, yr) : std::min(xr, yr);
  Image out;
  out.width = std::max(1, int(std::nearbyint(f * in.width)));
  out.height = std::max(1, int(std::nearbyint(f * in.height)));
  out.channels = in.channels;
  out.values.assign(std::size_t(out.width) * out.height * out.channels, 0.0f);
  std::vector<Tap> xs(std::size_t(out.width));
  for (int x = 0; x < out.width; ++x) xs[std::size_t(x)] = resample_taps(x, in.width, out.width, method);
  for (int y = 0; y < out.height; ++y) {
    Tap ty = resample_taps(y, in.height, out.height, method);
    for (int x = 0; x < out.width; ++x) {
      const Tap& tx = xs[std::size_t(x)];
      for (int c = 0; c < in.channels; ++c) {
        float sum = 0.0f;
        for (int j = 0; j < ty.count; ++j)
          for (int i = 0; i < tx.count; ++i) sum += ty.weight[j] * tx.weight[i] * in.at(tx.index[i], ty.index[j], c);
        out.at(x, y, c) = sum;
      }
    }
  }
  return out;
}

}  // namespace

InputLayer::InputLayer(const ParamGroup& group, const InputParams& p) : Layer(group, p), input_(p) {}
InputLayer::~InputLayer() = default;

std::string InputLayer::input_path_context() const {
  return "inputPath of layer \"" + name() + "\" at " + location_of("inputPath").str();
}

void InputLayer::rethrow_io(const IoError& e, const std::string& named_by) const {
  std::string prefix = e.path();
  if (e.offset() >= 0) prefix += " (byte offset " + std::to_string(e.offset()) + ")";
  prefix += ": ";
  std::string what = e.what();
  std::string detail = what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what;
  throw IoError(e.path(), detail + " (" + named_by + ")", e.offset());
}

bool InputLayer::fires_at(double t, double dt) const {
  const double period = input_.displayPeriod;
  if (period <= 0) return std::fabs(t - dt) < 0.5 * dt;
  double n = (t - dt) / period;
  if (n * period < -0.5 * dt) return false;
  return std::fabs(n - std::nearbyint(n)) * period < 0.5 * dt;
}

long InputLayer::frame_at(double t, double dt) const {
  if (input_.displayPeriod <= 0) return 0;
  return std::max(0L, long(std::floor((t - 0.5 * dt) / input_.displayPeriod)));
}

int InputLayer::entry_index(int b, long frame) const {
  const long n = entry_count_;
  const long batches = geometry().nbatch_global;
  const long given_start = input_.start_frame_index.empty() ? 0 : input_.start_frame_index[std::size_t(b)];
  const BatchMethod method = input_.batchMethod;
  long start = 0, skip = 1;
  if (method == BatchMethod::ByList) {
    start = (given_start + b * (n / batches)) % n;
  } else if (method == BatchMethod::BySpecified) {
    start = given_start % n;
    skip = input_.skip_frame_index.empty() ? 1 : std::max(1, input_.skip_frame_index[std::size_t(b)]);
  } else {
    start = (given_start + b) % n;
    skip = batches;
  }
  if (input_.resetToStartOnLoop && method == BatchMethod::BySpecified) {
    long entries_per_loop = (n - start + skip - 1) / skip;
    return int(start + (frame % entries_per_loop) * skip);
  }
  long position = start + frame * skip;
  if (method == BatchMethod::Random) return permutation(position / n)[std::size_t(position % n)];
  return int(position % n);
}

// A fresh order of the entries for each pass through them, a pure function of (seed, layer, pass) so that every
// rank and a restarted run agree.
const std::vector<int>& InputLayer::permutation(long pass) const {
  if (pass == permutation_pass_) return permutation_;
  permutation_.resize(std::size_t(entry_count_));
  for (int i = 0; i < entry_count_; ++i) permutation_[std::size_t(i)] = i;
  // Keyed on the seeds only, not the layer's name: input layers with the same randomSeed and entry count show
  // their entries in the same order (an image list and its label list stay paired), as in OpenPV.
  RngKey key{seed_, hash_name("input order")};
  for (int i = entry_count_ - 1; i > 0; --i) {
    int j = std::min(i, int(uniform01(key, std::uint64_t(i), std::uint64_t(pass)) * (i + 1)));
    std::swap(permutation_[std::size_t(i)], permutation_[std::size_t(j)]);
  }
  permutation_pass_ = pass;
  return permutation_;
}

void InputLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  Layer::resolve(objects, ctx);
  const double period = input_.displayPeriod;
  if (period > 0) {
    double steps = period / ctx.dt;
    if (std::nearbyint(steps) < 1 || std::fabs(steps - std::nearbyint(steps)) > 1e-9 * steps)
      fail("displayPeriod", "must be a whole number of timesteps (dt = " + format_number(ctx.dt) + ")");
  }
  const int batches = geometry().nbatch_global;
  auto check_length = [&](const std::vector<int>& values, const char* key) {
    if (!values.empty() && int(values.size()) != batches)
      fail(key, "needs one value per batch element (nbatch = " + std::to_string(batches) + "), not " +
                    std::to_string(values.size()));
  };
  check_length(input_.start_frame_index, "start_frame_index");
  if (input_.batchMethod == BatchMethod::BySpecified) check_length(input_.skip_frame_index, "skip_frame_index");
  parse_offset_anchor(input_.offsetAnchor, anchor_x_, anchor_y_);
  seed_ = ctx.random_seed + std::uint64_t(std::int64_t(input_.randomSeed));
  permutation_pass_ = -1;
  comm_ = ctx.comm;
  reads_ = comm_->decomposition().is_batch_root();
  // Only readers open the files; a failure there reaches every rank as one agreed error. Every reader counts the
  // same entries, and rank 0 (a reader) tells the others.
  // -1: a dry run found no input yet (every rank notes it, as rank 0 says).
  int count = 0;
  comm_->collective_try([&] {
    if (!reads_) return;
    if (ctx.missing_files && !input_.inputPath.empty() && !std::filesystem::exists(input_.inputPath))
      count = -1;
    else
      count = open_input(ctx);
  });
  std::string text = std::to_string(count);
  comm_->broadcast(text);
  entry_count_ = std::stoi(text);
  input_missing_ = entry_count_ < 0 && defer_missing_file(ctx, input_.inputPath, input_path_context());
  if (input_missing_) entry_count_ = 0;
}

std::vector<std::string> InputLayer::entry_names() {
  // Names are joined with NUL, which no file name holds; rank 0 reads this layer's input, so it knows them all.
  std::string joined;
  if (comm_->is_root())
    for (int i = 0; i < entry_count_; ++i) {
      const std::string named = describe_entry(i);
      joined += (named.empty() ? input_.inputPath : named) + '\0';
    }
  comm_->broadcast(joined);
  std::vector<std::string> names;
  std::size_t begin = 0;
  for (std::size_t end; (end = joined.find('\0', begin)) != std::string::npos; begin = end + 1)
    names.push_back(joined.substr(begin, end - begin));
  return names;
}

void InputLayer::allocate(const RunContext& ctx) {
  for (const Layer* reader : region_readers_) require_halo(reader->requested_halo());
  Layer::allocate(ctx);
}

void InputLayer::initialize_state(const RunContext&) {
  const std::size_t capacity = std::size_t(std::max(2, 2 * geometry().nbatch));
  cache_.clear();
  cache_.reserve(capacity);
  shown_entry_.assign(std::size_t(geometry().nbatch), -1);
  shown_frame_ = -1;
  if (!input_missing_) show_frame(0);  // else a dry run without the input: A stays zero
}

void InputLayer::initialize(const RunContext& ctx) {
  Layer::initialize(ctx);
  timestamps_.reset();
}

bool InputLayer::writes_timestamps() const { return input_.writeFrameToTimestamp && input_.displayPeriod > 0; }

std::vector<OutputFile> InputLayer::output_files(const RunContext& ctx) const {
  std::vector<OutputFile> files = Layer::output_files(ctx);
  if (writes_timestamps()) files.push_back({"timestamps/" + name() + ".txt", "writeFrameToTimestamp"});
  return files;
}

void InputLayer::open_outputs(const RunContext& ctx) {
  Layer::open_outputs(ctx);
  if (writes_timestamps() && ctx.output && ctx.output->writer()) {
    auto path = ctx.output->stage("timestamps/" + name() + ".txt");
    timestamps_ = std::make_unique<std::ofstream>(path);
    if (!*timestamps_) throw IoError(path.string(), "cannot create the timestamp file of layer \"" + name() + "\"");
  }
}

void InputLayer::register_state(CheckpointRegistry& r, const RunContext& ctx) {
  Layer::register_state(r, ctx);
  if (!timestamps_) return;
  OutputDirectory* out = ctx.output;
  r.add_custom(
      "timestampsPosition", EntryKind::Run,
      [this](const std::filesystem::path& p) {
        timestamps_->flush();
        const std::int64_t pos = std::int64_t(timestamps_->tellp());
        write_raw_array(p, &pos, sizeof pos, 1);
      },
      [this, out](const std::filesystem::path& p) {
        std::int64_t pos = 0;
        read_raw_array(p, &pos, sizeof pos, 1);
        timestamps_->close();
        const auto path = out->resume("timestamps/" + name() + ".txt", std::uint64_t(pos));
        timestamps_ = std::make_unique<std::ofstream>(path, std::ios::app);
        if (!*timestamps_) throw IoError(path.string(), "cannot reopen the timestamp file to continue it");
      });
}

void InputLayer::finish(const RunContext& ctx) {
  Layer::finish(ctx);
  if (!timestamps_) return;
  timestamps_->close();
  bool ok = !timestamps_->fail();
  timestamps_.reset();
  if (!ok) throw IoError("timestamps/" + name() + ".txt", "cannot finish writing the timestamp file");
}

void InputLayer::update_state(const StepInfo& s) {
  const long frame = frame_at(s.time, s.dt);
  if (timestamps_ && fires_at(s.time, s.dt)) write_timestamps(s.time, frame);
  if (frame != shown_frame_) show_frame(frame);
}

void InputLayer::write_timestamps(double t, long frame) {
  std::ostringstream text;
  text.precision(15);
  for (int b = 0; b < geometry().nbatch_global; ++b) {
    int index = entry_index(b, frame);
    text << "[" << name() << "] time: " << t << ", batch element: " << b << ", index: " << index << ","
         << describe_entry(index) << "\n";
  }
  *timestamps_ << text.str();
  timestamps_->flush();
}

Halo InputLayer::margin() const { return input_.useInputBCflag ? geometry().halo : Halo{}; }

void InputLayer::show_frame(long frame) {
  const auto& g = geometry();
  const Halo m = margin();
  const std::size_t canvas = std::size_t(g.nx_global + m.lt + m.rt) * std::size_t(g.ny_global + m.dn + m.up) * g.nf;
  std::vector<int> wanted(std::size_t(g.nbatch));
  std::vector<char> changed(std::size_t(g.nbatch), 0);
  bool any = false;
  for (int b = 0; b < g.nbatch; ++b) {
    wanted[std::size_t(b)] = entry_index(g.batch0 + b, frame);
    changed[std::size_t(b)] = wanted[std::size_t(b)] != shown_entry_[std::size_t(b)];
    any = any || changed[std::size_t(b)];
  }
  // Every rank of a batch slice computes the same entries, so the slice agrees on whether to scatter; the agreement
  // on the reader's success is world-wide (all ranks change frame in the same step).
  comm_->collective_try([&] {
    if (!reads_ || !any) return;
    whole_.resize(std::size_t(g.nbatch) * canvas);
    if (!region_readers_.empty()) whole_region_.resize(std::size_t(g.nbatch) * canvas);
    for (int b = 0; b < g.nbatch; ++b)
      if (changed[std::size_t(b)]) {
        const CachedFrame& c = prepared(wanted[std::size_t(b)]);
        const auto at = std::ptrdiff_t(std::size_t(b) * canvas);
        std::copy(c.values.begin(), c.values.end(), whole_.begin() + at);
        if (!region_readers_.empty()) std::copy(c.region.begin(), c.region.end(), whole_region_.begin() + at);
      }
  });
  if (!any) {
    shown_frame_ = frame;
    return;
  }
  scatter_frame(whole_.data(), changed, {this});
  if (!region_readers_.empty()) scatter_frame(whole_region_.data(), changed, region_readers_);
  for (int b = 0; b < g.nbatch; ++b) shown_entry_[std::size_t(b)] = wanted[std::size_t(b)];
  shown_frame_ = frame;
}

void InputLayer::scatter_frame(const float* whole, const std::vector<char>& changed,
                               const std::vector<Layer*>& targets) {
  const auto& g = geometry();
  const Halo m = margin();
  const int width = g.nx + m.lt + m.rt, height = g.ny + m.dn + m.up;
  const std::size_t window = std::size_t(width) * height * g.nf, run = std::size_t(width) * g.nf;
  tiles_.resize(std::size_t(g.nbatch) * window);
  if (m == Halo{})
    comm_->scatter_layer(g, whole, tiles_.data());
  else
    comm_->scatter_windows(g, m, whole, tiles_.data());
  for (Layer* target : targets) {
    // Region readers have this layer's halo (allocate makes them agree), so the window fits their A as well.
    const LayerGeometry& tg = target->geometry();
    float* a = target->A().data();
    for (int b = 0; b < g.nbatch; ++b) {
      if (!changed[std::size_t(b)]) continue;
      float* ab = a + std::size_t(b) * tg.neurons_ext();
      for (int y = 0; y < height; ++y)
        std::memcpy(ab + tg.ext_index(-m.lt, y - m.dn, 0), tiles_.data() + std::size_t(b) * window + y * run,
                    run * sizeof(float));
    }
  }
}

const InputLayer::CachedFrame& InputLayer::prepared(int index) {
  ++uses_;
  for (auto& c : cache_) {
    if (c.index == index) {
      c.last_use = uses_;
      return c;
    }
  }
  CachedFrame* slot = nullptr;
  if (cache_.size() < cache_.capacity()) {
    slot = &cache_.emplace_back();
  } else {
    slot = &*std::min_element(cache_.begin(), cache_.end(),
                              [](const CachedFrame& a, const CachedFrame& b) { return a.last_use < b.last_use; });
  }
  slot->index = -1;  // stays invalid if reading the entry throws
  prepare(entry(index), *slot);
  slot->index = index;
  slot->last_use = uses_;
  return *slot;
}

// Places the entry on the canvas (the whole layer, grown by the halo with useInputBCflag), normalises the covered
// pixels, inverts, and pads the rest (OpenPV's order).
void InputLayer::prepare(const Image& source, CachedFrame& frame) const {
  const auto& g = geometry();
  const Halo m = margin();
  const int nxg = g.nx_global + m.lt + m.rt, nyg = g.ny_global + m.dn + m.up, nf = g.nf;
  std::vector<float>& out = frame.values;
  if (source.channels != nf)
    throw GeometryError("layer \"" + name() + "\" has nf = " + std::to_string(nf) + " but its input has " +
                        std::to_string(source.channels) + " features");
  Image rescaled;
  const bool resize = input_.autoResizeFlag;
  if (resize)
    rescaled = rescale(source, nxg, nyg, input_.aspectRatioAdjustment == AspectRatio::Crop, input_.interpolationMethod);
  const Image& src = resize ? rescaled : source;

  out.assign(std::size_t(nxg) * nyg * nf, 0.0f);
  std::vector<char> covered(std::size_t(nxg) * nyg, 0);
  std::vector<int> source_x(static_cast<std::size_t>(nxg));
  for (int x = 0; x < nxg; ++x)
    source_x[std::size_t(x)] = source_pixel(x, nxg, src.width, anchor_x_, input_.offsetX, resize);
  long count = 0;
  for (int y = 0; y < nyg; ++y) {
    int sy = source_pixel(y, nyg, src.height, anchor_y_, input_.offsetY, resize);
    if (sy < 0) continue;
    for (int x = 0; x < nxg; ++x) {
      int sx = source_x[std::size_t(x)];
      if (sx < 0) continue;
      covered[std::size_t(y) * nxg + x] = 1;
      std::memcpy(&out[(std::size_t(y) * nxg + x) * nf], &src.values[(std::size_t(sy) * src.width + sx) * nf],
                  std::size_t(nf) * sizeof(float));
      count += nf;
    }
  }

  auto for_covered = [&](auto&& fn) {
    for (std::size_t p = 0; p < covered.size(); ++p)
      if (covered[p])
        for (int f = 0; f < nf; ++f) fn(out[p * nf + f]);
  };
  if (count > 0) {
    double lo = INFINITY, hi = -INFINITY;
    auto find_range = [&] {
      lo = INFINITY, hi = -INFINITY;
      for_covered([&](float v) { lo = std::min(lo, double(v)), hi = std::max(hi, double(v)); });
    };
    if (input_.normalizeLuminanceFlag && input_.normalizeStdDev) {
      double sum = 0.0, squares = 0.0;
      for_covered([&](float v) { sum += v; });
      const double mean = sum / double(count);
      for_covered([&](float v) { squares += (v - mean) * (v - mean); });
      const double sd = std::sqrt(squares / double(count));
      for_covered([&](float& v) { v = sd > 0 ? float((v - mean) / sd) : 0.0f; });
    } else if (input_.normalizeLuminanceFlag) {
      find_range();
      for_covered([&](float& v) { v = hi > lo ? float((v - lo) / (hi - lo)) : 0.0f; });
    }
    if (input_.inverseFlag) {
      if (input_.normalizeLuminanceFlag) {
        for_covered([](float& v) { v = -v; });
      } else {
        find_range();
        for_covered([&](float& v) { v = float(hi + lo - v); });
      }
    }
  }
  const float pad = float(input_.padValue);
  for (std::size_t p = 0; p < covered.size(); ++p)
    if (!covered[p]) std::fill_n(&out[p * nf], nf, pad);
  if (region_readers_.empty()) return;
  frame.region.assign(out.size(), 0.0f);
  for (std::size_t p = 0; p < covered.size(); ++p)
    if (covered[p]) std::fill_n(&frame.region[p * nf], nf, 1.0f);
}

}  // namespace spv
