// A layer's activity output: the interior of each batch element, gathered to the root and appended to a PVP file.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/io/pvp_format.hpp"

namespace spv {

class Communicator;
class OutputDirectory;

class ActivityWriter {
 public:
  // Every rank constructs one (gathers are collective); only the root stages `filename` in `out` and writes it.
  ActivityWriter(OutputDirectory& out, const std::string& filename, const LayerGeometry& g, PvpType type,
                 Communicator& comm);
  ~ActivityWriter();
  ActivityWriter(const ActivityWriter&) = delete;
  ActivityWriter& operator=(const ActivityWriter&) = delete;

  // `extended_all_batch` is A of the local batch, [batch][y][x][f] extended by the halo. Appends one frame per batch
  // element, in batch order. Collective: every rank calls it at the same times.
  void write(double time, std::span<const float> extended_all_batch);
  void close();
  // Frames in the file (0 on ranks other than the root).
  std::int64_t frames_written() const;
  // Bytes in the file (0 on ranks other than the root).
  std::int64_t bytes_written() const;
  // Restart: the file continues from the committed output cut at (frames, bytes), as a checkpoint recorded them.
  void resume(std::int64_t frames, std::int64_t bytes);

 private:
  LayerGeometry geometry_;
  Communicator& comm_;
  OutputDirectory& out_;
  std::string filename_;
  PvpType type_;
  std::unique_ptr<PvpActivityFileWriter> file_;
  std::vector<float> local_, global_;
};

}  // namespace spv
