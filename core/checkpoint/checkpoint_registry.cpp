#include "core/checkpoint/checkpoint_registry.hpp"

#include <cstring>
#include <fstream>

#include "core/errors.hpp"
#include "core/io/byte_codec.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

namespace fs = std::filesystem;

std::vector<unsigned char> read_checkpoint_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string(), "the checkpoint has no such file");
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw IoError(path.string(), "cannot read the checkpoint file");
  return bytes;
}

void write_checkpoint_file(const fs::path& path, const void* data, std::size_t bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), std::streamsize(bytes));
  if (!out.flush()) throw IoError(path.string(), "cannot write the checkpoint file");
}

std::string CheckpointRegistry::file_name(const std::string& entry) const {
  return object_.empty() ? entry : object_ + "_" + entry;
}

void CheckpointRegistry::add_custom(const std::string& entry, EntryKind kind, std::function<void(const fs::path&)> write,
                                    std::function<void(const fs::path&)> read) {
  entries_.push_back({object_, file_name(entry), kind, std::move(write), std::move(read)});
}

void CheckpointRegistry::add_bytes(const std::string& entry, void* data, std::size_t bytes, EntryKind kind) {
  add_custom(
      entry, kind, [data, bytes](const fs::path& p) { write_checkpoint_file(p, data, bytes); },
      [data, bytes](const fs::path& p) {
        const auto got = read_checkpoint_file(p);
        if (got.size() != bytes)
          throw IoError(p.string(), "holds " + std::to_string(got.size()) + " bytes; this run needs " +
                                        std::to_string(bytes));
        std::memcpy(data, got.data(), bytes);
      });
}

namespace {

// Raw arrays: "SPVA", element size (u32), count (u64), then the elements little-endian.
template <class T>
void write_array(const fs::path& p, const std::vector<T>& v) {
  std::vector<unsigned char> bytes;
  bytes.insert(bytes.end(), {'S', 'P', 'V', 'A'});
  le::append_u32(bytes, sizeof(T));
  const std::uint64_t n = v.size();
  le::append_u32(bytes, std::uint32_t(n & 0xffffffffu));
  le::append_u32(bytes, std::uint32_t(n >> 32));
  for (T x : v) {
    if constexpr (sizeof(T) == 4) le::append_f32(bytes, x);
    else le::append_f64(bytes, x);
  }
  write_checkpoint_file(p, bytes.data(), bytes.size());
}

template <class T>
void read_array(const fs::path& p, std::vector<T>& v) {
  const auto bytes = read_checkpoint_file(p);
  if (bytes.size() < 16 || std::memcmp(bytes.data(), "SPVA", 4) != 0)
    throw IoError(p.string(), "is not a checkpoint array file (no SPVA header)", 0);
  if (le::get_u32(bytes.data() + 4) != sizeof(T))
    throw IoError(p.string(), "holds elements of " + std::to_string(le::get_u32(bytes.data() + 4)) +
                                  " bytes, expected " + std::to_string(sizeof(T)), 4);
  const std::uint64_t n = std::uint64_t(le::get_u32(bytes.data() + 8)) | (std::uint64_t(le::get_u32(bytes.data() + 12)) << 32);
  if (n != v.size())
    throw IoError(p.string(), "holds " + std::to_string(n) + " values; this run's object has " +
                                  std::to_string(v.size()) + " (a size changed since the checkpoint)", 8);
  if (bytes.size() != 16 + n * sizeof(T))
    throw IoError(p.string(), "truncated: " + std::to_string(bytes.size()) + " bytes, " + std::to_string(n) +
                                  " values need " + std::to_string(16 + n * sizeof(T)), std::int64_t(bytes.size()));
  for (std::size_t i = 0; i < n; ++i) {
    if constexpr (sizeof(T) == 4) v[i] = le::get_f32(bytes.data() + 16 + 4 * i);
    else v[i] = le::get_f64(bytes.data() + 16 + 8 * i);
  }
}

}  // namespace

void CheckpointRegistry::add_floats(const std::string& entry, std::vector<float>& data, EntryKind kind) {
  add_custom(entry, kind, [&data](const fs::path& p) { write_array(p, data); },
             [&data](const fs::path& p) { read_array(p, data); });
}

void CheckpointRegistry::add_doubles(const std::string& entry, std::vector<double>& data, EntryKind kind) {
  add_custom(entry, kind, [&data](const fs::path& p) { write_array(p, data); },
             [&data](const fs::path& p) { read_array(p, data); });
}

void write_dense_pvp(const fs::path& p, const std::vector<float>& data, int nx, int ny, int nf, int frames) {
  const std::size_t per_frame = std::size_t(nx) * ny * nf;
  PvpActivityFileWriter w(p, PvpType::Dense, nx, ny, nf, frames);
  for (int i = 0; i < frames; ++i)
    w.write_frame(0.0, std::span<const float>(data.data() + std::size_t(i) * per_frame, per_frame));
  w.close();
}

void read_dense_pvp(const fs::path& p, std::vector<float>& data, int nx, int ny, int nf, int frames) {
  const std::size_t per_frame = std::size_t(nx) * ny * nf;
  if (!fs::exists(p)) throw IoError(p.string(), "the checkpoint has no such file");
  const ActivityFile f = read_activity_file(p);
  const PvpHeader& h = f.header;
  if (h.nx != nx || h.ny != ny || h.nf != nf || std::int64_t(f.frames.size()) != frames)
    throw IoError(p.string(), "holds " + std::to_string(f.frames.size()) + " frames of " + std::to_string(h.nx) + "x" +
                                  std::to_string(h.ny) + "x" + std::to_string(h.nf) + "; this run needs " +
                                  std::to_string(frames) + " of " + std::to_string(nx) + "x" + std::to_string(ny) +
                                  "x" + std::to_string(nf) + " (a size changed since the checkpoint)");
  data.resize(per_frame * std::size_t(frames));
  for (int i = 0; i < frames; ++i)
    std::copy(f.frames[std::size_t(i)].values.begin(), f.frames[std::size_t(i)].values.end(),
              data.begin() + std::ptrdiff_t(std::size_t(i) * per_frame));
}

void write_raw_array(const fs::path& p, const void* data, std::size_t element, std::size_t count) {
  std::vector<unsigned char> bytes{'S', 'P', 'V', 'R'};
  le::append_u32(bytes, std::uint32_t(element));
  le::append_u32(bytes, std::uint32_t(std::uint64_t(count) & 0xffffffffu));
  le::append_u32(bytes, std::uint32_t(std::uint64_t(count) >> 32));
  const auto* b = static_cast<const unsigned char*>(data);
  bytes.insert(bytes.end(), b, b + element * count);
  write_checkpoint_file(p, bytes.data(), bytes.size());
}

void read_raw_array(const fs::path& p, void* data, std::size_t element, std::size_t count) {
  const auto bytes = read_checkpoint_file(p);
  if (bytes.size() < 16 || std::memcmp(bytes.data(), "SPVR", 4) != 0)
    throw IoError(p.string(), "is not a checkpoint array file (no SPVR header)", 0);
  const std::uint64_t n =
      std::uint64_t(le::get_u32(bytes.data() + 8)) | (std::uint64_t(le::get_u32(bytes.data() + 12)) << 32);
  if (le::get_u32(bytes.data() + 4) != element || n != count)
    throw IoError(p.string(), "holds " + std::to_string(n) + " elements of " +
                                  std::to_string(le::get_u32(bytes.data() + 4)) + " bytes; this run's object has " +
                                  std::to_string(count) + " of " + std::to_string(element) +
                                  " (a size changed since the checkpoint)", 4);
  if (bytes.size() != 16 + element * count)
    throw IoError(p.string(), "truncated: " + std::to_string(bytes.size()) + " bytes, expected " +
                                  std::to_string(16 + element * count), std::int64_t(bytes.size()));
  std::memcpy(data, bytes.data() + 16, element * count);
}

void CheckpointRegistry::add_dense_pvp(const std::string& entry, std::vector<float>& data, int nx, int ny, int nf,
                                       int frames, EntryKind kind) {
  add_custom(
      entry + ".pvp", kind, [&data, nx, ny, nf, frames](const fs::path& p) { write_dense_pvp(p, data, nx, ny, nf, frames); },
      [&data, nx, ny, nf, frames](const fs::path& p) { read_dense_pvp(p, data, nx, ny, nf, frames); });
}

}  // namespace spv
