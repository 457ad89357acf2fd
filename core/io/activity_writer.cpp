#include "core/io/activity_writer.hpp"

#include <algorithm>

#include "core/comm/communicator.hpp"
#include "core/errors.hpp"
#include "core/io/output_directory.hpp"

namespace spv {

ActivityWriter::ActivityWriter(OutputDirectory& out, const std::string& filename, const LayerGeometry& g, PvpType type,
                               Communicator& comm)
    : geometry_(g), comm_(comm), out_(out), filename_(filename), type_(type) {
  if (comm_.is_root()) {
    // The header counts the global batch; gather_batch hands the root every batch element in global order.
    file_ = std::make_unique<PvpActivityFileWriter>(out.stage(filename), type, g.nx_global, g.ny_global, g.nf,
                                                    g.nbatch_global);
  }
  local_.resize(std::size_t(g.nbatch) * g.neurons());
}

ActivityWriter::~ActivityWriter() = default;

void ActivityWriter::write(double time, std::span<const float> extended_all_batch) {
  const LayerGeometry& g = geometry_;
  const std::size_t expected = std::size_t(g.nbatch) * g.neurons_ext();
  if (extended_all_batch.size() != expected) {
    throw GeometryError("activity writer: got " + std::to_string(extended_all_batch.size()) + " values but " +
                        std::to_string(g.nbatch) + " batch elements of " + std::to_string(g.nx_ext()) + "x" +
                        std::to_string(g.ny_ext()) + "x" + std::to_string(g.nf) + " (extended) need " +
                        std::to_string(expected));
  }
  const std::size_t row = std::size_t(g.nx) * g.nf;
  for (int b = 0; b < g.nbatch; ++b) {
    const float* ext = extended_all_batch.data() + std::size_t(b) * g.neurons_ext();
    float* tile = local_.data() + std::size_t(b) * g.neurons();
    // Rows of the interior are contiguous in both layouts: x and f are adjacent, the halo only widens the row.
    for (int y = 0; y < g.ny; ++y) {
      const float* src = ext + g.ext_index(0, y, 0);
      std::copy(src, src + row, tile + std::ptrdiff_t(y) * std::ptrdiff_t(row));
    }
  }
  comm_.gather_batch(g, local_.data(), global_);
  if (!file_) return;
  const std::size_t frame = g.global_neurons();
  for (int b = 0; b < g.nbatch_global; ++b)
    file_->write_frame(time, std::span<const float>(global_.data() + std::size_t(b) * frame, frame));
}

void ActivityWriter::close() {
  if (file_) file_->close();
}

std::int64_t ActivityWriter::frames_written() const { return file_ ? file_->frames_written() : 0; }

}  // namespace spv

namespace spv {

std::int64_t ActivityWriter::bytes_written() const { return file_ ? file_->bytes_written() : 0; }

void ActivityWriter::resume(std::int64_t frames, std::int64_t bytes) {
  if (!file_) return;
  file_->close();
  file_.reset();
  const LayerGeometry& g = geometry_;
  const auto path = out_.resume(filename_, std::uint64_t(bytes));
  file_ = std::make_unique<PvpActivityFileWriter>(path, type_, g.nx_global, g.ny_global, g.nf, g.nbatch_global, frames);
}

}  // namespace spv
