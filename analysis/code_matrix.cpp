#include "analysis/code_matrix.hpp"

#include "core/errors.hpp"

namespace spv {

std::vector<float> CodeMatrix::column(int c) const {
  std::vector<float> out(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) out[std::size_t(r)] = at(r, c);
  return out;
}

CodeMatrix code_matrix(const ActivityFile& file, const FrameMapping& mapping, const std::string& name,
                       long expected_rows) {
  if (mapping.skip < 0 || mapping.frames_per_example < 1) throw Error(name + ": bad frame mapping");
  const long frames = long(file.frames.size());
  const long k = mapping.frames_per_example;
  const long available = frames - mapping.skip;
  const std::string counts = " (" + std::to_string(frames) + " frames, " + std::to_string(mapping.skip) +
                             " skipped, " + std::to_string(k) + " per input)";
  if (available < 0 || available % k != 0)
    throw Error(name + ": the frames left after skipping do not split into whole inputs" + counts);
  const long rows = available / k;
  if (expected_rows >= 0 && rows != expected_rows)
    throw Error(name + " holds " + std::to_string(rows) + " inputs" + counts + " but " +
                std::to_string(expected_rows) + " are expected (one per line of the labels or cases file)");
  CodeMatrix m;
  m.rows = int(rows);
  m.nx = file.header.nx;
  m.ny = file.header.ny;
  m.nf = file.header.nf;
  m.cols = m.nx * m.ny * m.nf;
  m.values.reserve(std::size_t(m.rows) * m.cols);
  for (long i = 0; i < rows; ++i) {
    const auto& v = file.frames[std::size_t(mapping.skip + i * k + k - 1)].values;
    m.values.insert(m.values.end(), v.begin(), v.end());
  }
  return m;
}

CodeMatrix read_code_matrix(const std::filesystem::path& path, const FrameMapping& mapping, long expected_rows) {
  return code_matrix(read_activity_file(path), mapping, path.string(), expected_rows);
}

NeuronCoordinates neuron_coordinates(int k, int nx, int nf) {
  return {(k / nf) % nx, k / (nf * nx), k % nf};
}

int neuron_index(const NeuronCoordinates& c, int nx, int nf) { return (c.y * nx + c.x) * nf + c.f; }

}  // namespace spv
