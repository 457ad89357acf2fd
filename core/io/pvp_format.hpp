// PVP files (OpenPV's binary format, docs/pvp-format.md): header, dense / sparse / sparse-with-values activity and
// shared weights. Readers check every size against the file length and name path and byte offset when it is wrong.
#pragma once
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace spv {

enum class PvpType : std::int32_t { SparseIndices = 2, NonsharedWeights = 3, Dense = 4, SharedWeights = 5,
                                    SparseValues = 6 };

struct PvpHeader {
  std::int32_t headersize = 80, numparams = 20, filetype = 4;
  std::int32_t nx = 0, ny = 0, nf = 0;
  std::int32_t numrecords = 1, recordsize = 0, datasize = 4, datatype = 3;
  std::int32_t nxprocs = 1, nyprocs = 1, nxExtended = 0, nyExtended = 0, kx0 = 0, ky0 = 0;
  std::int32_t nbatch = 1, nbands = 0;
  double time = 0.0;
  // Weight files only (headersize 104).
  std::int32_t nxp = 0, nyp = 0, nfp = 0;
  float wMin = 0, wMax = 0;
  std::int32_t numpatches = 0;

  bool is_weights() const { return filetype == 3 || filetype == 5; }
  static PvpHeader activity(PvpType type, int nx, int ny, int nf, int nbatch);
};

// Byte layout facts that writers patch in place and readers check.
inline constexpr int pvp_activity_header_bytes = 80;
inline constexpr int pvp_weight_header_bytes = 104;
inline constexpr int pvp_nbands_offset = 68;
inline constexpr int pvp_time_offset = 72;
// Bytes of one dense activity frame (time and values) and of one shared-weight frame (its header and all patches).
std::int64_t pvp_dense_frame_bytes(const PvpHeader& h);
std::int64_t pvp_weight_frame_bytes(const PvpHeader& h);
// A shared-weight header from an older OpenPV writer: nx and ny are the pre layer's, numpatches = nf kernels.
bool pvp_kernels_per_feature_only(const PvpHeader& h);
// A readable name of a filetype, e.g. "dense activity".
std::string pvp_type_name(std::int32_t filetype);

// Serialises the header (80 or 104 bytes, little-endian).
std::vector<unsigned char> encode_header(const PvpHeader& h);
// Parses a header at the start of `bytes`; throws IoError(path, offset) when malformed. `file_offset` is where the
// header starts in the file (weight files repeat it per frame), so that error offsets point into the file.
PvpHeader decode_header(std::span<const unsigned char> bytes, const std::string& path, std::int64_t file_offset = 0);

// One activity frame of one batch element, as a dense [y][x][f] array.
struct ActivityFrame {
  double time = 0.0;
  std::vector<float> values;
};

// Reads a whole activity file (types 2, 4, 6). Frames are in file order: frame i of batch element b is
// frames[i * nbatch + b] when the writer wrote one frame per batch element per write.
struct ActivityFile {
  PvpHeader header;
  std::vector<ActivityFrame> frames;
};
ActivityFile read_activity_file(const std::filesystem::path& path);
// Reads only the header of any PVP file.
PvpHeader read_pvp_header(const std::filesystem::path& path);

// Appends activity frames to a PVP file, keeping nbands in the header equal to the frames written.
class PvpActivityFileWriter {
 public:
  // Creates (truncates) `path`; type is Dense, SparseIndices or SparseValues.
  PvpActivityFileWriter(const std::filesystem::path& path, PvpType type, int nx, int ny, int nf, int nbatch);
  // Continues an existing file that holds `frames` frames (a restart: the file was cut at a checkpoint's position);
  // nbands is set to `frames` and writing appends.
  PvpActivityFileWriter(const std::filesystem::path& path, PvpType type, int nx, int ny, int nf, int nbatch,
                        std::int64_t frames);
  ~PvpActivityFileWriter();
  PvpActivityFileWriter(const PvpActivityFileWriter&) = delete;
  PvpActivityFileWriter& operator=(const PvpActivityFileWriter&) = delete;
  // One frame of one batch element: dense [y][x][f] values (sparse types keep the non-zero ones).
  void write_frame(double time, std::span<const float> dense);
  void close();
  std::int64_t frames_written() const { return frames_; }
  // Bytes in the file (header and frames), the position a checkpoint records.
  std::int64_t bytes_written() const { return bytes_; }

 private:
  std::filesystem::path path_;
  std::int64_t bytes_ = 0;
  void* file_ = nullptr;  // FILE*
  PvpHeader header_;
  std::int64_t frames_ = 0;
  std::vector<unsigned char> scratch_;
};

// Shared (kernel) weights of a connection: arbors x kernels x (nyp x nxp x nfp), feature fastest.
struct SharedWeights {
  int nxp = 0, nyp = 0, nfp = 0;
  int nx_kernel = 1, ny_kernel = 1, nf_kernel = 0;  // the kernel grid (header nx, ny, nf)
  int arbors = 1;
  double time = 0.0;
  std::vector<float> values;  // [arbor][kernel][y][x][f], kernel = (ky * nx_kernel + kx) * nf_kernel + f
  int kernels() const { return nx_kernel * ny_kernel * nf_kernel; }
  std::size_t patch_size() const { return std::size_t(nxp) * nyp * nfp; }
};
// Reads frame `frame` of a shared-weight file (type 5; datatype 3 float, or 1 compressed bytes).
SharedWeights read_shared_weights(const std::filesystem::path& path, int frame = 0);
// OpenPV's byte compression of a weight in [w_min, w_max] (rounded to nearest) and its inverse.
std::uint8_t compress_weight(float w, float w_min, float w_max);
float decompress_weight(std::uint8_t b, float w_min, float w_max);
// Number of weight frames in a shared-weight file.
int count_weight_frames(const std::filesystem::path& path);
// Writes one weight frame (a full 104-byte header, then the patches): appended when `append` is true (the file's
// shape must match), else the file is created or truncated. `compressed` stores each weight as one byte.
void write_shared_weights(const std::filesystem::path& path, const SharedWeights& w, bool append,
                          bool compressed = false);

}  // namespace spv
