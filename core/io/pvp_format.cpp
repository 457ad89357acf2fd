#include "core/io/pvp_format.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/errors.hpp"
#include "core/io/binary_input.hpp"
#include "core/io/byte_codec.hpp"

namespace spv {

namespace {

// Field offsets of the header; the activity part is 18 int32 and a float64, the weight part follows it.
constexpr int off_headersize = 0, off_numparams = 4, off_filetype = 8, off_nx = 12, off_ny = 16, off_nf = 20,
              off_numrecords = 24, off_recordsize = 28, off_datasize = 32, off_datatype = 36, off_nxprocs = 40,
              off_nyprocs = 44, off_nxext = 48, off_nyext = 52, off_kx0 = 56, off_ky0 = 60, off_nbatch = 64,
              off_nxp = 80, off_nyp = 84, off_nfp = 88, off_wmin = 92, off_wmax = 96, off_numpatches = 100;

// What is wrong and where in the header; decode_header turns it into an IoError offset into the file.
struct HeaderProblem {
  std::string message;
  int offset;
};

std::string field(const char* name, std::int64_t value) { return std::string(name) + " is " + std::to_string(value); }

[[noreturn]] void fail(std::string message, int offset) { throw HeaderProblem{std::move(message), offset}; }

void require_positive(const char* name, std::int32_t value, int offset) {
  if (value <= 0) fail(field(name, value) + "; it must be positive", offset);
}

void check_activity(const PvpHeader& h) {
  if (h.nbatch < 1) fail(field("nbatch", h.nbatch) + "; it must be at least 1", off_nbatch);
  if (h.nbands < 0) fail(field("nbands", h.nbands) + "; it must not be negative", pvp_nbands_offset);
  const std::int64_t neurons = std::int64_t(h.nx) * h.ny * h.nf;
  if (h.filetype == static_cast<int>(PvpType::Dense)) {
    if (h.numrecords != 1) {
      fail(field("numrecords", h.numrecords) + "; only gathered files (numrecords 1) are supported", off_numrecords);
    }
    if (h.recordsize != neurons) {
      fail(field("recordsize", h.recordsize) + " but nx*ny*nf is " + std::to_string(neurons), off_recordsize);
    }
    if (h.datasize != 4) fail(field("datasize", h.datasize) + "; dense files hold 4-byte values", off_datasize);
    if (h.datatype != 3) fail(field("datatype", h.datatype) + "; dense files hold float32 (3)", off_datatype);
  } else if (h.filetype == static_cast<int>(PvpType::SparseIndices)) {
    if (h.datasize != 4) fail(field("datasize", h.datasize) + "; sparse index files hold 4-byte indices", off_datasize);
  } else if (h.datasize != 8) {
    fail(field("datasize", h.datasize) + "; sparse-with-values files hold 8-byte (index, value) pairs", off_datasize);
  }
}

void check_weights(const PvpHeader& h) {
  require_positive("nxp", h.nxp, off_nxp);
  require_positive("nyp", h.nyp, off_nyp);
  require_positive("nfp", h.nfp, off_nfp);
  // Patch headers store nx and ny as uint16.
  if (h.nxp > 65535) fail(field("nxp", h.nxp) + "; patch headers hold at most 65535", off_nxp);
  if (h.nyp > 65535) fail(field("nyp", h.nyp) + "; patch headers hold at most 65535", off_nyp);
  require_positive("numrecords (arbors)", h.numrecords, off_numrecords);
  const bool compressed = h.datatype == 1;
  if (h.datatype != 1 && h.datatype != 3) {
    fail(field("datatype", h.datatype) + "; weights are 1 (compressed bytes) or 3 (float32)", off_datatype);
  }
  if (h.datasize != (compressed ? 1 : 4)) {
    fail(field("datasize", h.datasize) + " but datatype " + std::to_string(h.datatype) + " needs " +
             (compressed ? "1" : "4"),
         off_datasize);
  }
  // Keeps every size computed from these fields far inside int64 (checked after datasize, which they use): a
  // shared-weight frame holds nx*ny*nf patches per arbor, a non-shared one numpatches (its reader refuses <= 0).
  const double patches = h.filetype == static_cast<int>(PvpType::SharedWeights) && !pvp_kernels_per_feature_only(h)
                             ? double(h.nx) * h.ny * h.nf
                             : std::max(double(h.numpatches), 0.0);
  const double frame_bytes = double(h.numrecords) * patches * (8.0 + double(h.nxp) * h.nyp * h.nfp * h.datasize);
  if (frame_bytes > 0x1p60) fail("the weight frame these sizes describe is impossibly large", off_nxp);
  if (h.nbands != h.numrecords) {
    fail(field("nbands", h.nbands) + " but numrecords is " + std::to_string(h.numrecords) + "; both count the arbors",
         pvp_nbands_offset);
  }
  if (h.filetype == static_cast<int>(PvpType::SharedWeights)) {
    const std::int64_t kernels = std::int64_t(h.nx) * h.ny * h.nf;
    // Older OpenPV writers put the pre layer's nx and ny here; numpatches is then nf, one kernel per feature.
    if (h.numpatches != kernels && !pvp_kernels_per_feature_only(h)) {
      fail(field("numpatches", h.numpatches) + " but nx*ny*nf (the kernels) is " + std::to_string(kernels) +
               " (and not nf, as older OpenPV files have it)",
           off_numpatches);
    }
    const std::int64_t arbor_bytes = (pvp_weight_frame_bytes(h) - pvp_weight_header_bytes) / h.numrecords;
    // OpenPV writes either 0 or the bytes of one arbor here.
    if (h.recordsize != 0 && h.recordsize != arbor_bytes) {
      fail(field("recordsize", h.recordsize) + "; it must be 0 or the bytes of one arbor (" +
               std::to_string(arbor_bytes) + ")",
           off_recordsize);
    }
  }
  if (compressed && !(std::isfinite(h.wMin) && std::isfinite(h.wMax) && h.wMin <= h.wMax)) {
    fail("compressed weights need finite wMin <= wMax, but wMin is " + std::to_string(h.wMin) + " and wMax is " +
             std::to_string(h.wMax),
         off_wmin);
  }
}

PvpHeader parse_fields(const unsigned char* p, std::int32_t headersize) {
  PvpHeader h;
  h.headersize = headersize;
  h.numparams = le::get_i32(p + off_numparams);
  h.filetype = le::get_i32(p + off_filetype);
  h.nx = le::get_i32(p + off_nx);
  h.ny = le::get_i32(p + off_ny);
  h.nf = le::get_i32(p + off_nf);
  h.numrecords = le::get_i32(p + off_numrecords);
  h.recordsize = le::get_i32(p + off_recordsize);
  h.datasize = le::get_i32(p + off_datasize);
  h.datatype = le::get_i32(p + off_datatype);
  h.nxprocs = le::get_i32(p + off_nxprocs);
  h.nyprocs = le::get_i32(p + off_nyprocs);
  h.nxExtended = le::get_i32(p + off_nxext);
  h.nyExtended = le::get_i32(p + off_nyext);
  h.kx0 = le::get_i32(p + off_kx0);
  h.ky0 = le::get_i32(p + off_ky0);
  h.nbatch = le::get_i32(p + off_nbatch);
  // OpenPV's older activity files leave nbatch 0 for one batch element; OpenPV still reads them so.
  if (h.nbatch == 0 && headersize != pvp_weight_header_bytes) h.nbatch = 1;
  h.nbands = le::get_i32(p + pvp_nbands_offset);
  h.time = le::get_f64(p + pvp_time_offset);
  if (headersize == pvp_weight_header_bytes) {
    h.nxp = le::get_i32(p + off_nxp);
    h.nyp = le::get_i32(p + off_nyp);
    h.nfp = le::get_i32(p + off_nfp);
    h.wMin = le::get_f32(p + off_wmin);
    h.wMax = le::get_f32(p + off_wmax);
    h.numpatches = le::get_i32(p + off_numpatches);
  }
  return h;
}

void check_header(const PvpHeader& h) {
  if (std::int64_t(h.numparams) * 4 != h.headersize) {  // any int32 numparams, without overflow
    fail(field("numparams", h.numparams) + " but headersize is " + std::to_string(h.headersize) +
             " (numparams must be headersize / 4)",
         off_numparams);
  }
  if (h.filetype < 2 || h.filetype > 6) {
    fail(field("filetype", h.filetype) + "; known types are 2, 3, 4, 5 and 6", off_filetype);
  }
  const int expected_size = h.is_weights() ? pvp_weight_header_bytes : pvp_activity_header_bytes;
  if (h.headersize != expected_size) {
    fail(field("headersize", h.headersize) + " but filetype " + std::to_string(h.filetype) + " (" +
             pvp_type_name(h.filetype) + ") has a " + std::to_string(expected_size) + "-byte header",
         off_headersize);
  }
  require_positive("nx", h.nx, off_nx);
  require_positive("ny", h.ny, off_ny);
  require_positive("nf", h.nf, off_nf);
  // In double: three int32 factors can overflow int64; below 2^53 the product is exact.
  if (double(h.nx) * h.ny * h.nf >= 0x1p31) {
    fail("nx*ny*nf is larger than a PVP index (int32) can address", off_nx);
  }
  if (h.is_weights()) {
    check_weights(h);
  } else {
    check_activity(h);
  }
}

}  // namespace

PvpHeader PvpHeader::activity(PvpType type, int nx, int ny, int nf, int nbatch) {
  if (type != PvpType::Dense && type != PvpType::SparseIndices && type != PvpType::SparseValues) {
    throw Error("PvpHeader::activity: filetype " + std::to_string(static_cast<int>(type)) + " is not an activity type");
  }
  PvpHeader h;
  h.headersize = pvp_activity_header_bytes;
  h.numparams = h.headersize / 4;
  h.filetype = static_cast<std::int32_t>(type);
  h.nx = nx;
  h.ny = ny;
  h.nf = nf;
  h.numrecords = 1;
  const std::int64_t neurons = std::int64_t(nx) * ny * nf;
  if (neurons >= std::int64_t(1) << 31) {
    throw Error("PvpHeader::activity: a " + std::to_string(nx) + "x" + std::to_string(ny) + "x" + std::to_string(nf) +
                " layer has more neurons than a PVP index (int32) can address");
  }
  h.recordsize = type == PvpType::Dense ? static_cast<std::int32_t>(neurons) : 0;
  h.datasize = type == PvpType::SparseValues ? 8 : 4;
  h.datatype = type == PvpType::SparseIndices ? 2 : 3;
  h.nxExtended = nx;
  h.nyExtended = ny;
  h.nbatch = nbatch;
  h.nbands = 0;
  return h;
}

std::int64_t pvp_dense_frame_bytes(const PvpHeader& h) { return 8 + std::int64_t(h.recordsize) * 4; }

std::int64_t pvp_weight_frame_bytes(const PvpHeader& h) {
  const std::int64_t patch = 8 + std::int64_t(h.nxp) * h.nyp * h.nfp * h.datasize;
  const std::int64_t kernels = pvp_kernels_per_feature_only(h) ? h.nf : std::int64_t(h.nx) * h.ny * h.nf;
  return pvp_weight_header_bytes + std::int64_t(h.numrecords) * kernels * patch;
}

bool pvp_kernels_per_feature_only(const PvpHeader& h) {
  return h.filetype == static_cast<int>(PvpType::SharedWeights) && h.numpatches == h.nf && h.nf > 0 &&
         std::int64_t(h.nx) * h.ny != 1;
}

std::string pvp_type_name(std::int32_t filetype) {
  switch (filetype) {
    case 2:
      return "sparse activity (indices)";
    case 3:
      return "non-shared weights";
    case 4:
      return "dense activity";
    case 5:
      return "shared weights";
    case 6:
      return "sparse activity with values";
    default:
      return "unknown";
  }
}

std::vector<unsigned char> encode_header(const PvpHeader& h) {
  const bool weights = h.headersize == pvp_weight_header_bytes;
  std::vector<unsigned char> out(weights ? pvp_weight_header_bytes : pvp_activity_header_bytes);
  unsigned char* p = out.data();
  const std::int32_t ints[18] = {h.headersize, h.numparams,  h.filetype, h.nx,       h.ny,      h.nf,
                                 h.numrecords, h.recordsize, h.datasize, h.datatype, h.nxprocs, h.nyprocs,
                                 h.nxExtended, h.nyExtended, h.kx0,      h.ky0,      h.nbatch,  h.nbands};
  for (int i = 0; i < 18; ++i) le::put_i32(p + 4 * i, ints[i]);
  le::put_f64(p + pvp_time_offset, h.time);
  if (weights) {
    le::put_i32(p + off_nxp, h.nxp);
    le::put_i32(p + off_nyp, h.nyp);
    le::put_i32(p + off_nfp, h.nfp);
    le::put_f32(p + off_wmin, h.wMin);
    le::put_f32(p + off_wmax, h.wMax);
    le::put_i32(p + off_numpatches, h.numpatches);
  }
  return out;
}

PvpHeader decode_header(std::span<const unsigned char> bytes, const std::string& path, std::int64_t file_offset) {
  const auto size = static_cast<std::int64_t>(bytes.size());
  auto truncated = [&](std::int64_t needed) {
    return IoError(path,
                   "truncated: the header needs " + std::to_string(needed) + " bytes at offset " +
                       std::to_string(file_offset) + " but the file ends at " + std::to_string(file_offset + size),
                   file_offset);
  };
  if (size < 4) throw truncated(pvp_activity_header_bytes);
  const std::int32_t headersize = le::get_i32(bytes.data() + off_headersize);
  if (headersize != pvp_activity_header_bytes && headersize != pvp_weight_header_bytes) {
    throw IoError(path, field("headersize", headersize) + "; a PVP header is 80 (activity) or 104 (weights) bytes",
                  file_offset + off_headersize);
  }
  if (size < headersize) throw truncated(headersize);
  const PvpHeader h = parse_fields(bytes.data(), headersize);
  try {
    check_header(h);
  } catch (const HeaderProblem& problem) {
    throw IoError(path, problem.message, file_offset + problem.offset);
  }
  return h;
}

PvpHeader read_pvp_header(const std::filesystem::path& path) {
  BinaryInput in(path);
  const std::int64_t n = std::min<std::int64_t>(in.size(), pvp_weight_header_bytes);
  const auto bytes = in.read(0, n, "the header");
  return decode_header(bytes, in.path());
}

}  // namespace spv
