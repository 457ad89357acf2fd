#include "core/io/pvp_nonshared_weights.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/errors.hpp"
#include "core/io/binary_input.hpp"
#include "core/io/byte_codec.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

namespace {

// Frames of a non-shared file are sized by numpatches (older files' nx, ny do not count the patches).
std::int64_t frame_bytes(const PvpHeader& h) {
  const std::int64_t patch = 8 + std::int64_t(h.nxp) * h.nyp * h.nfp * h.datasize;
  return pvp_weight_header_bytes + std::int64_t(h.numrecords) * h.numpatches * patch;
}

PvpHeader first_header(BinaryInput& in) {
  const auto head = in.read(0, std::min<std::int64_t>(in.size(), pvp_weight_header_bytes), "the header");
  const PvpHeader h = decode_header(head, in.path());
  if (h.filetype != static_cast<int>(PvpType::NonsharedWeights))
    throw IoError(in.path(),
                  "is a " + pvp_type_name(h.filetype) + " file (filetype " + std::to_string(h.filetype) +
                      "), not a non-shared weight file (filetype 3), which a connection with sharedWeights = false "
                      "reads",
                  8);
  if (h.numpatches <= 0)
    throw IoError(in.path(), "numpatches is " + std::to_string(h.numpatches) + "; it must be positive", 100);
  return h;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

NonsharedWeights read_nonshared_weights(const std::filesystem::path& path, int frame) {
  BinaryInput in(path);
  const PvpHeader first = first_header(in);
  const std::int64_t bytes_per_frame = frame_bytes(first);
  const std::int64_t frames = in.size() / bytes_per_frame;
  if (frame < 0 && frames > 0) frame = int((frame % frames + frames) % frames);  // from the end, as in OpenPV
  if (frame < 0 || frame >= frames)
    throw IoError(in.path(), "holds " + std::to_string(frames) + " whole weight frames of " +
                                 std::to_string(bytes_per_frame) + " bytes; frame " + std::to_string(frame) +
                                 " does not exist");
  const std::int64_t base = frame * bytes_per_frame;
  const auto bytes = in.read(base, bytes_per_frame, "weight frame " + std::to_string(frame));
  const PvpHeader h = decode_header(bytes, in.path(), base);
  if (h.nxp != first.nxp || h.nyp != first.nyp || h.nfp != first.nfp || h.numpatches != first.numpatches ||
      h.numrecords != first.numrecords || h.datatype != first.datatype)
    throw IoError(in.path(), "weight frame " + std::to_string(frame) + " has another shape than the first frame", base);
  NonsharedWeights w;
  w.nxp = h.nxp;
  w.nyp = h.nyp;
  w.nfp = h.nfp;
  w.patches = h.numpatches;
  w.arbors = h.numrecords;
  w.time = h.time;
  const std::size_t patch = w.patch_size();
  const std::size_t count = std::size_t(w.arbors) * std::size_t(w.patches);
  const bool compressed = h.datatype == 1;
  const std::size_t patch_bytes = 8 + patch * static_cast<std::size_t>(h.datasize);
  w.values.resize(count * patch);
  for (std::size_t p = 0; p < count; ++p) {
    const unsigned char* data = bytes.data() + pvp_weight_header_bytes + p * patch_bytes + 8;  // header ignored
    float* out = w.values.data() + p * patch;
    for (std::size_t i = 0; i < patch; ++i)
      out[i] = compressed ? decompress_weight(data[i], h.wMin, h.wMax) : le::get_f32(data + 4 * i);
  }
  return w;
}

void write_nonshared_weights(const std::filesystem::path& path, const NonsharedWeights& w, bool append,
                             bool compressed) {
  const std::size_t patch = w.patch_size();
  const std::size_t count = std::size_t(w.arbors) * std::size_t(w.patches);
  if (w.nxp <= 0 || w.nyp <= 0 || w.nfp <= 0 || w.nxp > 65535 || w.nyp > 65535 || w.arbors <= 0 || w.patches <= 0 ||
      w.patches != w.nx_ext * w.ny_ext * w.nf || w.values.size() != count * patch)
    throw GeometryError(path.string() + ": cannot write non-shared weights of " + std::to_string(w.arbors) +
                        " arbors x " + std::to_string(w.patches) + " patches of " + std::to_string(w.nxp) + "x" +
                        std::to_string(w.nyp) + "x" + std::to_string(w.nfp) + " from " +
                        std::to_string(w.values.size()) + " values");
  float w_min = 0.0f, w_max = 0.0f;
  if (w.has_extrema) {
    w_min = w.w_min;
    w_max = w.w_max;
  } else if (!w.values.empty()) {
    const auto [lo, hi] = std::minmax_element(w.values.begin(), w.values.end());
    w_min = *lo;
    w_max = *hi;
  }
  if (compressed && !(std::isfinite(w_min) && std::isfinite(w_max)))
    throw IoError(path.string(), "cannot compress non-finite weights");
  PvpHeader h;
  h.headersize = pvp_weight_header_bytes;
  h.numparams = h.headersize / 4;
  h.filetype = static_cast<std::int32_t>(PvpType::NonsharedWeights);
  h.nx = w.nx;
  h.ny = w.ny;
  h.nf = w.nf;
  h.numrecords = w.arbors;
  h.datasize = compressed ? 1 : 4;
  h.datatype = compressed ? 1 : 3;
  h.nxExtended = w.nx_ext;
  h.nyExtended = w.ny_ext;
  h.nbatch = 1;
  h.nbands = w.arbors;
  h.time = w.time;
  h.nxp = w.nxp;
  h.nyp = w.nyp;
  h.nfp = w.nfp;
  h.wMin = w_min;
  h.wMax = w_max;
  h.numpatches = w.patches;
  h.recordsize = 0;  // as OpenPV's buildWeightHeader
  if (append) {
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) > 0 && !ec) {
      BinaryInput existing(path);
      const PvpHeader f = first_header(existing);
      if (f.nxp != h.nxp || f.nyp != h.nyp || f.nfp != h.nfp || f.numpatches != h.numpatches ||
          f.numrecords != h.numrecords || f.datatype != h.datatype)
        throw IoError(path.string(), "cannot append weights of another shape or datatype", 0);
    }
  }
  std::vector<unsigned char> bytes = encode_header(h);
  bytes.reserve(static_cast<std::size_t>(frame_bytes(h)));
  for (std::size_t p = 0; p < count; ++p) {
    le::append_u16(bytes, static_cast<std::uint16_t>(w.nxp));
    le::append_u16(bytes, static_cast<std::uint16_t>(w.nyp));
    le::append_u32(bytes, 0);
    const float* values = w.values.data() + p * patch;
    for (std::size_t i = 0; i < patch; ++i) {
      if (compressed)
        bytes.push_back(compress_weight(values[i], w_min, w_max));
      else
        le::append_f32(bytes, values[i]);
    }
  }
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), append ? "ab" : "wb"));
  if (!file) throw IoError(path.string(), std::string("cannot open for writing: ") + std::strerror(errno));
  if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size())
    throw IoError(path.string(), std::string("cannot write a weight frame: ") + std::strerror(errno));
  if (std::fclose(file.release()) != 0)
    throw IoError(path.string(), std::string("cannot close: ") + std::strerror(errno));
}

}  // namespace spv
