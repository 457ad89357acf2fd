#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/errors.hpp"
#include "core/io/binary_input.hpp"
#include "core/io/byte_codec.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

namespace {

std::string truncated(std::int64_t frame, std::int64_t needed, std::int64_t offset, std::int64_t size) {
  return "truncated: frame " + std::to_string(frame) + " needs " + std::to_string(needed) + " bytes at offset " +
         std::to_string(offset) + " but the file ends at " + std::to_string(size);
}

void check_no_trailing_bytes(const std::string& path, const PvpHeader& h, std::int64_t end, std::int64_t size) {
  if (size > end) {
    throw IoError(path,
                  std::to_string(size - end) + " bytes follow the last of the " + std::to_string(h.nbands) +
                      " frames that nbands announces",
                  end);
  }
}

void read_dense(const std::string& path, const std::vector<unsigned char>& bytes, ActivityFile& file) {
  const PvpHeader& h = file.header;
  const auto size = static_cast<std::int64_t>(bytes.size());
  const std::int64_t frame_bytes = pvp_dense_frame_bytes(h);
  std::int64_t offset = h.headersize;
  // Frames are added as the file is found to hold them: a damaged nbands could announce billions.
  for (std::int64_t i = 0; i < h.nbands; ++i, offset += frame_bytes) {
    if (offset + frame_bytes > size) throw IoError(path, truncated(i, frame_bytes, offset, size), offset);
    const unsigned char* p = bytes.data() + offset;
    ActivityFrame& frame = file.frames.emplace_back();
    frame.time = le::get_f64(p);
    frame.values.resize(static_cast<std::size_t>(h.recordsize));
    for (std::size_t k = 0; k < frame.values.size(); ++k) frame.values[k] = le::get_f32(p + 8 + 4 * k);
  }
  check_no_trailing_bytes(path, h, offset, size);
}

void read_sparse(const std::string& path, const std::vector<unsigned char>& bytes, ActivityFile& file) {
  const PvpHeader& h = file.header;
  const bool with_values = h.filetype == static_cast<int>(PvpType::SparseValues);
  const std::int64_t entry_bytes = with_values ? 8 : 4;
  const std::int64_t neurons = std::int64_t(h.nx) * h.ny * h.nf;
  const auto size = static_cast<std::int64_t>(bytes.size());
  std::int64_t offset = h.headersize;
  // Frames are added as the file is found to hold them: a damaged nbands could announce billions.
  for (std::int64_t i = 0; i < h.nbands; ++i) {
    if (offset + 12 > size) throw IoError(path, truncated(i, 12, offset, size) + " (time and count)", offset);
    const unsigned char* p = bytes.data() + offset;
    ActivityFrame& frame = file.frames.emplace_back();
    frame.time = le::get_f64(p);
    const std::int64_t count = le::get_u32(p + 8);
    const std::int64_t frame_bytes = 12 + count * entry_bytes;
    if (offset + frame_bytes > size) {
      throw IoError(path, truncated(i, frame_bytes, offset, size) + " (count " + std::to_string(count) + ")", offset);
    }
    frame.values.assign(static_cast<std::size_t>(neurons), 0.0f);
    for (std::int64_t e = 0; e < count; ++e) {
      const std::int64_t at = offset + 12 + e * entry_bytes;
      const std::int32_t k = le::get_i32(bytes.data() + at);
      if (k < 0 || k >= neurons) {
        throw IoError(path,
                      "frame " + std::to_string(i) + " holds index " + std::to_string(k) + ", outside the layer's " +
                          std::to_string(neurons) + " neurons",
                      at);
      }
      frame.values[static_cast<std::size_t>(k)] = with_values ? le::get_f32(bytes.data() + at + 4) : 1.0f;
    }
    offset += frame_bytes;
  }
  check_no_trailing_bytes(path, h, offset, size);
}

std::FILE* as_file(void* f) { return static_cast<std::FILE*>(f); }

}  // namespace

ActivityFile read_activity_file(const std::filesystem::path& path) {
  BinaryInput in(path);
  const auto bytes = in.read_all();
  ActivityFile file;
  file.header = decode_header(bytes, in.path());
  if (file.header.is_weights()) {
    throw IoError(in.path(),
                  "is a " + pvp_type_name(file.header.filetype) + " file (filetype " +
                      std::to_string(file.header.filetype) + "), not an activity file",
                  8);
  }
  if (file.header.filetype == static_cast<int>(PvpType::Dense)) {
    read_dense(in.path(), bytes, file);
  } else {
    read_sparse(in.path(), bytes, file);
  }
  return file;
}

PvpActivityFileWriter::PvpActivityFileWriter(const std::filesystem::path& path, PvpType type, int nx, int ny, int nf,
                                             int nbatch)
    : path_(path), header_(PvpHeader::activity(type, nx, ny, nf, nbatch)) {
  if (nx <= 0 || ny <= 0 || nf <= 0 || nbatch <= 0) {
    throw IoError(path_.string(), "cannot write a layer of size " + std::to_string(nx) + "x" + std::to_string(ny) +
                                      "x" + std::to_string(nf) + " with " + std::to_string(nbatch) + " batch elements");
  }
  std::FILE* f = std::fopen(path_.c_str(), "wb");
  if (f == nullptr) throw IoError(path_.string(), std::string("cannot create: ") + std::strerror(errno));
  const auto bytes = encode_header(header_);
  if (std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fflush(f) != 0) {
    const std::string reason = std::strerror(errno);
    std::fclose(f);  // no destructor runs for a constructor that throws
    throw IoError(path_.string(), "cannot write the header: " + reason, 0);
  }
  file_ = f;
  bytes_ = std::int64_t(bytes.size());
}

PvpActivityFileWriter::PvpActivityFileWriter(const std::filesystem::path& path, PvpType type, int nx, int ny, int nf,
                                             int nbatch, std::int64_t frames)
    : path_(path), header_(PvpHeader::activity(type, nx, ny, nf, nbatch)), frames_(frames) {
  std::FILE* f = std::fopen(path_.c_str(), "r+b");
  if (f == nullptr) throw IoError(path_.string(), std::string("cannot reopen to continue: ") + std::strerror(errno));
  unsigned char patch[4];
  le::put_i32(patch, static_cast<std::int32_t>(frames));
  if (std::fseek(f, pvp_nbands_offset, SEEK_SET) != 0 || std::fwrite(patch, 1, 4, f) != 4 ||
      std::fseek(f, 0, SEEK_END) != 0 || std::fflush(f) != 0) {
    const std::string reason = std::strerror(errno);
    std::fclose(f);
    throw IoError(path_.string(), "cannot set nbands to continue: " + reason, pvp_nbands_offset);
  }
  bytes_ = std::ftell(f);
  header_.nbands = static_cast<std::int32_t>(frames);
  file_ = f;
}

PvpActivityFileWriter::~PvpActivityFileWriter() {
  if (file_ != nullptr) std::fclose(as_file(file_));
}

void PvpActivityFileWriter::write_frame(double time, std::span<const float> dense) {
  const std::filesystem::path& path = path_;  // made text only for an error: a frame written allocates nothing
  if (file_ == nullptr) throw IoError(path, "write_frame after close()");
  if (frames_ >= INT32_MAX) throw IoError(path, "more frames than nbands (int32) can count", pvp_nbands_offset);
  const std::size_t neurons = std::size_t(header_.nx) * header_.ny * header_.nf;
  if (dense.size() != neurons) {
    throw IoError(path, "a frame of " + std::to_string(dense.size()) + " values does not fit the file's " +
                            std::to_string(header_.nx) + "x" + std::to_string(header_.ny) + "x" +
                            std::to_string(header_.nf) + " layer");
  }
  const auto type = static_cast<PvpType>(header_.filetype);
  // Room for the largest frame of this type at once, so that a code growing denser never reallocates mid-run.
  scratch_.clear();
  scratch_.reserve(12 + (type == PvpType::Dense ? 4 : 8) * neurons);
  le::append_f64(scratch_, time);
  if (type == PvpType::Dense) {
    for (float v : dense) le::append_f32(scratch_, v);
  } else {
    le::append_u32(scratch_, 0);  // count, patched below once known
    std::uint32_t count = 0;
    for (std::size_t k = 0; k < neurons; ++k) {
      if (dense[k] == 0.0f) continue;
      le::append_i32(scratch_, static_cast<std::int32_t>(k));
      if (type == PvpType::SparseValues) le::append_f32(scratch_, dense[k]);
      ++count;
    }
    le::put_u32(scratch_.data() + 8, count);
  }

  std::FILE* f = as_file(file_);
  if (std::fseek(f, 0, SEEK_END) != 0) throw IoError(path, std::string("seek failed: ") + std::strerror(errno));
  const long frame_offset = std::ftell(f);
  // The frame reaches the file before the header counts it, so a run killed at any point leaves nbands frames intact.
  if (std::fwrite(scratch_.data(), 1, scratch_.size(), f) != scratch_.size() || std::fflush(f) != 0) {
    throw IoError(path, "cannot write frame " + std::to_string(frames_) + ": " + std::strerror(errno), frame_offset);
  }
  unsigned char patch[8];
  if (frames_ == 0) {
    le::put_f64(patch, time);
    if (std::fseek(f, pvp_time_offset, SEEK_SET) != 0 || std::fwrite(patch, 1, 8, f) != 8) {
      throw IoError(path, std::string("cannot update the header time: ") + std::strerror(errno), pvp_time_offset);
    }
  }
  le::put_i32(patch, static_cast<std::int32_t>(frames_ + 1));
  if (std::fseek(f, pvp_nbands_offset, SEEK_SET) != 0 || std::fwrite(patch, 1, 4, f) != 4 || std::fflush(f) != 0) {
    throw IoError(path, std::string("cannot update nbands: ") + std::strerror(errno), pvp_nbands_offset);
  }
  ++frames_;
  bytes_ = frame_offset + static_cast<std::int64_t>(scratch_.size());
  header_.nbands = static_cast<std::int32_t>(frames_);
  if (frames_ == 1) header_.time = time;
}

void PvpActivityFileWriter::close() {
  if (file_ == nullptr) return;
  std::FILE* f = as_file(file_);
  file_ = nullptr;
  if (std::fclose(f) != 0) throw IoError(path_.string(), std::string("cannot close: ") + std::strerror(errno));
}

}  // namespace spv
