#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/errors.hpp"
#include "core/io/binary_input.hpp"
#include "core/io/byte_codec.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

namespace {

// A shared-weight file's first header and how many whole frames its length holds.
struct WeightFileLayout {
  PvpHeader first;
  std::int64_t frame_bytes = 0;
  std::int64_t frames = 0;
};

WeightFileLayout layout_of(BinaryInput& in) {
  const auto head = in.read(0, std::min<std::int64_t>(in.size(), pvp_weight_header_bytes), "the header");
  WeightFileLayout layout;
  layout.first = decode_header(head, in.path());
  const std::int32_t type = layout.first.filetype;
  if (type == static_cast<int>(PvpType::NonsharedWeights)) {
    throw IoError(in.path(),
                  "is a non-shared weight file (filetype 3), read only by a connection with sharedWeights = false", 8);
  }
  if (type != static_cast<int>(PvpType::SharedWeights)) {
    throw IoError(
        in.path(),
        "is a " + pvp_type_name(type) + " file (filetype " + std::to_string(type) + "), not a shared-weight file", 8);
  }
  layout.frame_bytes = pvp_weight_frame_bytes(layout.first);
  layout.frames = in.size() / layout.frame_bytes;
  const std::int64_t end = layout.frames * layout.frame_bytes;
  if (end != in.size()) {
    throw IoError(in.path(),
                  "truncated: weight frame " + std::to_string(layout.frames) + " needs " +
                      std::to_string(layout.frame_bytes) + " bytes at offset " + std::to_string(end) +
                      " but the file ends at " + std::to_string(in.size()),
                  end);
  }
  return layout;
}

// Every frame must describe the same weights as the first, or frames could not be read alike.
void check_same_shape(const std::string& path, const PvpHeader& first, const PvpHeader& h, std::int64_t frame,
                      std::int64_t offset) {
  const struct {
    const char* name;
    std::int32_t mine, firsts;
    int at;
  } fields[] = {{"nx", h.nx, first.nx, 12},
                {"ny", h.ny, first.ny, 16},
                {"nf", h.nf, first.nf, 20},
                {"numrecords", h.numrecords, first.numrecords, 24},
                {"datatype", h.datatype, first.datatype, 36},
                {"nxp", h.nxp, first.nxp, 80},
                {"nyp", h.nyp, first.nyp, 84},
                {"nfp", h.nfp, first.nfp, 88}};
  for (const auto& f : fields) {
    if (f.mine != f.firsts) {
      throw IoError(path,
                    "weight frame " + std::to_string(frame) + " has " + f.name + " " + std::to_string(f.mine) +
                        " but the first frame has " + std::to_string(f.firsts),
                    offset + f.at);
    }
  }
}

void check_weights_shape(const std::filesystem::path& path, const SharedWeights& w) {
  const bool ok = w.nxp > 0 && w.nyp > 0 && w.nfp > 0 && w.nxp <= 65535 && w.nyp <= 65535 && w.nx_kernel > 0 &&
                  w.ny_kernel > 0 && w.nf_kernel > 0 && w.arbors > 0;
  const std::size_t expected = std::size_t(w.arbors) * w.kernels() * w.patch_size();
  if (!ok || w.values.size() != expected) {
    throw GeometryError(path.string() + ": cannot write shared weights of " + std::to_string(w.arbors) + " arbors x " +
                        std::to_string(w.nx_kernel) + "x" + std::to_string(w.ny_kernel) + "x" +
                        std::to_string(w.nf_kernel) + " kernels of " + std::to_string(w.nxp) + "x" +
                        std::to_string(w.nyp) + "x" + std::to_string(w.nfp) + " from " +
                        std::to_string(w.values.size()) + " values");
  }
}

PvpHeader weight_header(const SharedWeights& w, bool compressed, float w_min, float w_max) {
  PvpHeader h;
  h.headersize = pvp_weight_header_bytes;
  h.numparams = h.headersize / 4;
  h.filetype = static_cast<std::int32_t>(PvpType::SharedWeights);
  h.nx = w.nx_kernel;
  h.ny = w.ny_kernel;
  h.nf = w.nf_kernel;
  h.numrecords = w.arbors;
  h.datasize = compressed ? 1 : 4;
  h.datatype = compressed ? 1 : 3;
  h.nxExtended = w.nx_kernel;
  h.nyExtended = w.ny_kernel;
  h.nbatch = 1;
  h.nbands = w.arbors;
  h.time = w.time;
  h.nxp = w.nxp;
  h.nyp = w.nyp;
  h.nfp = w.nfp;
  h.wMin = w_min;
  h.wMax = w_max;
  h.numpatches = w.kernels();
  // The bytes of one arbor, as older OpenPV wrote it: the Python and Octave readers size frames by it (0, as newer
  // OpenPV writes, when it does not fit the field).
  const std::int64_t arbor_bytes = (pvp_weight_frame_bytes(h) - pvp_weight_header_bytes) / w.arbors;
  h.recordsize = arbor_bytes <= INT32_MAX ? static_cast<std::int32_t>(arbor_bytes) : 0;
  return h;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::uint8_t compress_weight(float w, float w_min, float w_max) {
  if (!(w_max > w_min)) return 0;
  // OpenPV adds one half and truncates; the clamp only guards weights outside [w_min, w_max].
  const float scaled = 255.0f * ((w - w_min) / (w_max - w_min)) + 0.5f;
  return static_cast<std::uint8_t>(std::clamp(scaled, 0.0f, 255.0f));
}

float decompress_weight(std::uint8_t b, float w_min, float w_max) {
  return w_min + (w_max - w_min) * (static_cast<float>(b) / 255.0f);
}

int count_weight_frames(const std::filesystem::path& path) {
  BinaryInput in(path);
  const WeightFileLayout layout = layout_of(in);
  for (std::int64_t f = 1; f < layout.frames; ++f) {
    const std::int64_t offset = f * layout.frame_bytes;
    const auto head = in.read(offset, pvp_weight_header_bytes, "the header of weight frame " + std::to_string(f));
    check_same_shape(in.path(), layout.first, decode_header(head, in.path(), offset), f, offset);
  }
  return static_cast<int>(layout.frames);
}

SharedWeights read_shared_weights(const std::filesystem::path& path, int frame) {
  BinaryInput in(path);
  const WeightFileLayout layout = layout_of(in);
  // A negative frame counts from the end (OpenPV's rule: -1 is the last frame, and it wraps).
  if (frame < 0 && layout.frames > 0) frame = int((frame % layout.frames + layout.frames) % layout.frames);
  if (frame < 0 || frame >= layout.frames) {
    throw IoError(in.path(), "has " + std::to_string(layout.frames) + " weight frames; frame " + std::to_string(frame) +
                                 " does not exist");
  }
  const std::int64_t base = frame * layout.frame_bytes;
  const auto bytes = in.read(base, layout.frame_bytes, "weight frame " + std::to_string(frame));
  const PvpHeader h = decode_header(bytes, in.path(), base);
  check_same_shape(in.path(), layout.first, h, frame, base);

  SharedWeights w;
  w.nxp = h.nxp;
  w.nyp = h.nyp;
  w.nfp = h.nfp;
  // An older OpenPV file with the pre layer's nx and ny in the header holds a unit cell of 1 x 1 x nf.
  const bool per_feature = pvp_kernels_per_feature_only(h);
  w.nx_kernel = per_feature ? 1 : h.nx;
  w.ny_kernel = per_feature ? 1 : h.ny;
  w.nf_kernel = h.nf;
  w.arbors = h.numrecords;
  w.time = h.time;
  const std::size_t patch = w.patch_size();
  const std::size_t patches = std::size_t(w.arbors) * w.kernels();
  const bool compressed = h.datatype == 1;
  const std::size_t patch_bytes = 8 + patch * static_cast<std::size_t>(h.datasize);
  w.values.resize(patches * patch);
  for (std::size_t p = 0; p < patches; ++p) {
    const unsigned char* at = bytes.data() + pvp_weight_header_bytes + p * patch_bytes;
    const int px = le::get_u16(at), py = le::get_u16(at + 2);
    const std::uint32_t poffset = le::get_u32(at + 4);
    if (px != w.nxp || py != w.nyp || poffset != 0) {
      throw IoError(in.path(),
                    "weight frame " + std::to_string(frame) + ", arbor " + std::to_string(p / w.kernels()) +
                        ", kernel " + std::to_string(p % w.kernels()) + ": patch header says " + std::to_string(px) +
                        "x" + std::to_string(py) + " at offset " + std::to_string(poffset) +
                        "; shared-weight patches are " + std::to_string(w.nxp) + "x" + std::to_string(w.nyp) +
                        " at offset 0",
                    base + static_cast<std::int64_t>(pvp_weight_header_bytes + p * patch_bytes));
    }
    float* out = w.values.data() + p * patch;
    const unsigned char* data = at + 8;
    if (compressed) {
      for (std::size_t i = 0; i < patch; ++i) out[i] = decompress_weight(data[i], h.wMin, h.wMax);
    } else {
      for (std::size_t i = 0; i < patch; ++i) out[i] = le::get_f32(data + 4 * i);
    }
  }
  return w;
}

void write_shared_weights(const std::filesystem::path& path, const SharedWeights& w, bool append, bool compressed) {
  check_weights_shape(path, w);
  const auto [lo, hi] = std::minmax_element(w.values.begin(), w.values.end());
  const float w_min = *lo, w_max = *hi;
  if (compressed && !(std::isfinite(w_min) && std::isfinite(w_max))) {
    throw IoError(path.string(), "cannot compress non-finite weights");
  }
  const PvpHeader h = weight_header(w, compressed, w_min, w_max);

  std::error_code ec;
  if (append && std::filesystem::file_size(path, ec) > 0 && !ec) {
    BinaryInput existing(path);
    const PvpHeader first = layout_of(existing).first;
    if (first.datatype != h.datatype) {
      throw IoError(path.string(),
                    std::string("cannot append ") + (compressed ? "compressed" : "float") +
                        " weights to a file of datatype " + std::to_string(first.datatype),
                    36);
    }
    check_same_shape(path.string(), first, h, count_weight_frames(path), existing.size());
  }

  std::vector<unsigned char> bytes = encode_header(h);
  bytes.reserve(static_cast<std::size_t>(pvp_weight_frame_bytes(h)));
  const std::size_t patch = w.patch_size();
  const std::size_t patches = std::size_t(w.arbors) * w.kernels();
  for (std::size_t p = 0; p < patches; ++p) {
    le::append_u16(bytes, static_cast<std::uint16_t>(w.nxp));
    le::append_u16(bytes, static_cast<std::uint16_t>(w.nyp));
    le::append_u32(bytes, 0);
    const float* values = w.values.data() + p * patch;
    for (std::size_t i = 0; i < patch; ++i) {
      if (compressed) {
        bytes.push_back(compress_weight(values[i], w_min, w_max));
      } else {
        le::append_f32(bytes, values[i]);
      }
    }
  }

  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), append ? "ab" : "wb"));
  if (!file) throw IoError(path.string(), std::string("cannot open for writing: ") + std::strerror(errno));
  if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
    throw IoError(path.string(), std::string("cannot write a weight frame: ") + std::strerror(errno));
  }
  if (std::fclose(file.release()) != 0) {
    throw IoError(path.string(), std::string("cannot close: ") + std::strerror(errno));
  }
}

}  // namespace spv
