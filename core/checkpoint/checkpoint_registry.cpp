#include "core/checkpoint/checkpoint_registry.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <fstream>

#include "core/comm/communicator.hpp"
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
  entries_.push_back({object_, file_name(entry), kind, std::move(write), std::move(read), {}});
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
  // The header first: a sparse file, or one of another layer size, would otherwise be expanded in full before the
  // sizes are compared (a damaged header can describe gigabytes).
  const PvpHeader head = read_pvp_header(p);
  if (head.filetype != static_cast<int>(PvpType::Dense))
    throw IoError(p.string(),
                  "is a " + pvp_type_name(head.filetype) + " file (filetype " + std::to_string(head.filetype) +
                      "); a checkpoint's layer entries are dense activity files (filetype 4)",
                  8);
  if (head.nx != nx || head.ny != ny || head.nf != nf || head.nbands != frames)
    throw IoError(p.string(), "holds " + std::to_string(head.nbands) + " frames of " + std::to_string(head.nx) + "x" +
                                  std::to_string(head.ny) + "x" + std::to_string(head.nf) + "; this run needs " +
                                  std::to_string(frames) + " of " + std::to_string(nx) + "x" + std::to_string(ny) +
                                  "x" + std::to_string(nf) + " (a size changed since the checkpoint)");
  // The reader returns exactly the header's nbands frames of its size, or refuses a truncated file.
  const ActivityFile f = read_activity_file(p);
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

namespace {

// Where one rank's tile lies in the global file: its extended window starts at (kx0, ky0) of the file's extended
// layout, and its batch slice at batch0.
struct TilePlace {
  int kx0, ky0, batch0;
};

TilePlace place_of(const Decomposition& d, const LayerGeometry& g) {
  return {d.column() * g.nx, d.row() * g.ny, d.batch_index() * g.nbatch};
}

// Every level's global frames on the root, from every rank's tiles. A cell is taken from the rank whose interior
// holds it, or, in the halo beyond the layer's edge (boundary fill), from the edge tile whose halo holds it: each
// cell of the file comes from exactly one rank.
std::vector<float> assemble_global(Communicator* comm, const LayerGeometry& g, const Halo& h,
                                   const std::vector<std::vector<float>*>& levels) {
  std::vector<float> local;
  for (const auto* level : levels) local.insert(local.end(), level->begin(), level->end());
  std::vector<std::vector<float>> all;
  if (comm) comm->gather_floats(local, all);
  else all.assign(1, std::move(local));
  if (comm && !comm->is_root()) return {};
  const int tnx = g.nx + h.lt + h.rt, tny = g.ny + h.dn + h.up, nf = g.nf;
  const int gnx = g.nx_global + h.lt + h.rt, gny = g.ny_global + h.dn + h.up;
  const std::size_t tile = std::size_t(tnx) * tny * nf, frame = std::size_t(gnx) * gny * nf;
  const std::size_t nlevels = levels.size(), nbg = std::size_t(g.nbatch_global);
  std::vector<float> global(nlevels * nbg * frame, 0.0f);
  Decomposition d = comm ? comm->decomposition() : Decomposition{};
  for (std::size_t r = 0; r < all.size(); ++r) {
    d.rank = int(r);
    const TilePlace at = place_of(d, g);
    if (all[r].size() != nlevels * std::size_t(g.nbatch) * tile)
      throw std::logic_error("checkpoint gather: a rank sent a buffer of another size");
    auto owned = [](int e, int lo, int n, int k0, int n_global) {
      const int global = k0 + e - lo;  // restricted global coordinate
      return (e >= lo && e < lo + n) || global < 0 || global >= n_global;
    };
    for (std::size_t l = 0; l < nlevels; ++l)
      for (int b = 0; b < g.nbatch; ++b) {
        const float* src = all[r].data() + (l * std::size_t(g.nbatch) + std::size_t(b)) * tile;
        float* dst = global.data() + (l * nbg + std::size_t(at.batch0 + b)) * frame;
        for (int ey = 0; ey < tny; ++ey) {
          if (!owned(ey, h.dn, g.ny, at.ky0, g.ny_global)) continue;
          for (int ex = 0; ex < tnx; ++ex) {
            if (!owned(ex, h.lt, g.nx, at.kx0, g.nx_global)) continue;
            std::copy_n(src + (std::size_t(ey) * tnx + ex) * nf, nf,
                        dst + (std::size_t(at.ky0 + ey) * gnx + std::size_t(at.kx0 + ex)) * nf);
          }
        }
      }
  }
  return global;
}

}  // namespace

void CheckpointRegistry::add_layer_pvp(const std::string& entry,
                                       std::function<std::vector<std::vector<float>*>()> levels,
                                       const LayerGeometry& g, const Halo& h, EntryKind kind) {
  const int gnx = g.nx_global + h.lt + h.rt, gny = g.ny_global + h.dn + h.up;
  auto stash = std::make_shared<std::vector<float>>();
  auto gathered = std::make_shared<bool>(false);
  Communicator* comm = comm_;
  add_custom(
      entry + ".pvp", kind,
      [=](const fs::path& p) {
        // Called without the gather only on one process (the column always gathers first).
        if (!*gathered) *stash = assemble_global(comm, g, h, levels());
        const auto lv = levels();
        write_dense_pvp(p, *stash, gnx, gny, g.nf, int(lv.size()) * g.nbatch_global);
        stash->clear();
        stash->shrink_to_fit();
        *gathered = false;
      },
      [=](const fs::path& p) {
        const auto lv = levels();
        std::vector<float> global;
        read_dense_pvp(p, global, gnx, gny, g.nf, int(lv.size()) * g.nbatch_global);
        Decomposition d = comm ? comm->decomposition() : Decomposition{};
        const TilePlace at = place_of(d, g);
        const int tnx = g.nx + h.lt + h.rt, tny = g.ny + h.dn + h.up;
        const std::size_t tile = std::size_t(tnx) * tny * g.nf, frame = std::size_t(gnx) * gny * g.nf;
        const std::size_t run = std::size_t(tnx) * g.nf;
        for (std::size_t l = 0; l < lv.size(); ++l) {
          if (lv[l]->size() != std::size_t(g.nbatch) * tile)
            throw std::logic_error("checkpoint read: a layer buffer is not its tile's size");
          for (int b = 0; b < g.nbatch; ++b) {
            const float* src = global.data() + (l * std::size_t(g.nbatch_global) + std::size_t(at.batch0 + b)) * frame;
            float* dst = lv[l]->data() + std::size_t(b) * tile;
            for (int ey = 0; ey < tny; ++ey)
              std::copy_n(src + (std::size_t(at.ky0 + ey) * gnx + std::size_t(at.kx0)) * g.nf, run,
                          dst + std::size_t(ey) * run);
          }
        }
      });
  entries_.back().gather = [=] {
    *stash = assemble_global(comm, g, h, levels());
    *gathered = true;
  };
}

}  // namespace spv
