// The named entries of a checkpoint: each object declares its state once (register_state), as typed entries that
// know how to write themselves into a checkpoint directory and read themselves back.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/geometry.hpp"

namespace spv {

class Communicator;

// Raw arrays of trivially copyable elements, "SPVR", element size, count, bytes. Declared before the registry, whose
// add_pod_vector template calls them for element types of any namespace.
void write_raw_array(const std::filesystem::path& path, const void* data, std::size_t element, std::size_t count);
void read_raw_array(const std::filesystem::path& path, void* data, std::size_t element, std::size_t count);

// What an entry is for: Warm entries are an object's model state (V, A, delays, weights), loaded by a warm start
// (initializeFromCheckpointDir) as well as by a restart; Run entries are bookkeeping of the run (file positions,
// next-write times, counters) and are loaded only by a restart.
enum class EntryKind { Warm, Run };

struct CheckpointEntry {
  std::string object;  // group name ("" for the column)
  std::string file;    // file name inside the checkpoint directory
  EntryKind kind;
  std::function<void(const std::filesystem::path&)> write;
  std::function<void(const std::filesystem::path&)> read;
  // Set for entries spread over the ranks (a layer's tiles and batch slices): every rank calls it, in entry order,
  // before the root calls write, so that a failing root write cannot leave other ranks waiting in a collective.
  std::function<void()> gather;
};

class CheckpointRegistry {
 public:
  // Entries added next belong to this object; their files are named "<object>_<entry>".
  void begin_object(const std::string& object) { object_ = object; }
  const std::vector<CheckpointEntry>& entries() const { return entries_; }
  // suppressNonplasticCheckpoints: connections that do not learn leave their weights out (initialisation recreates
  // them on a restart).
  void set_suppress_nonplastic(bool s) { suppress_nonplastic_ = s; }
  bool suppress_nonplastic() const { return suppress_nonplastic_; }
  // The ranks that layer entries are spread over; without one, every buffer is the whole layer and batch.
  void set_communicator(Communicator* comm) { comm_ = comm; }
  // The simulation time a checkpoint is written at, for files that carry a time in their header (weight PVPs).
  void set_time_source(const double* time) { time_ = time; }
  double time() const { return time_ ? *time_ : 0.0; }

  // A float array kept as a raw little-endian file with a count; its size never changes after allocate().
  void add_floats(const std::string& entry, std::vector<float>& data, EntryKind kind);
  void add_doubles(const std::string& entry, std::vector<double>& data, EntryKind kind);
  // A layer buffer of this rank's tile and batch slice, as one global-layout dense PVP file (the same file one
  // process writes, so any decomposition restarts any other): `levels()` gives the level buffers, each
  // [local batch][y][x][f] of the tile extended by `halo`; the file holds levels x global batch frames, level-major.
  // Writing gathers the tiles to the root; reading lets every rank take its own window of the file.
  void add_layer_pvp(const std::string& entry, std::function<std::vector<std::vector<float>*>()> levels,
                     const LayerGeometry& g, const Halo& halo, EntryKind kind);
  // One trivially copyable value (a counter, a time), kept as its bytes.
  template <class T>
  void add_value(const std::string& entry, T& value, EntryKind kind) {
    static_assert(std::is_trivially_copyable_v<T>);
    add_bytes(entry, &value, sizeof(T), kind);
  }
  // A vector of trivially copyable elements whose length is fixed once allocated.
  template <class T>
  void add_pod_vector(const std::string& entry, std::vector<T>& data, EntryKind kind) {
    static_assert(std::is_trivially_copyable_v<T>);
    add_custom(
        entry, kind, [&data](const std::filesystem::path& p) { write_raw_array(p, data.data(), sizeof(T), data.size()); },
        [&data](const std::filesystem::path& p) { read_raw_array(p, data.data(), sizeof(T), data.size()); });
  }
  // Anything else: the object writes and reads its own file.
  void add_custom(const std::string& entry, EntryKind kind, std::function<void(const std::filesystem::path&)> write,
                  std::function<void(const std::filesystem::path&)> read);

 private:
  void add_bytes(const std::string& entry, void* data, std::size_t bytes, EntryKind kind);
  const double* time_ = nullptr;
  std::string file_name(const std::string& entry) const;
  std::string object_;
  bool suppress_nonplastic_ = false;
  Communicator* comm_ = nullptr;
  std::vector<CheckpointEntry> entries_;
};

// Dense PVP files of `frames` frames of nx x ny x nf: written, and read back into `data` (sizes checked, naming the
// file when a size changed since the checkpoint).
void write_dense_pvp(const std::filesystem::path& path, const std::vector<float>& data, int nx, int ny, int nf,
                     int frames);
void read_dense_pvp(const std::filesystem::path& path, std::vector<float>& data, int nx, int ny, int nf, int frames);

// Small helpers for custom entries: a whole file as bytes, and a whole file from bytes (checked write).
std::vector<unsigned char> read_checkpoint_file(const std::filesystem::path& path);
void write_checkpoint_file(const std::filesystem::path& path, const void* data, std::size_t bytes);

}  // namespace spv
