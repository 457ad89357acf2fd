// OpenPV's non-shared weight files (PVP filetype 3): per arbor one patch per pre neuron of the global layer extended
// by the connection's needed border, each behind an 8-byte patch header (nx, ny, offset). OpenPV writes full-size
// headers (nxp, nyp, 0) and only the shrunken patch's values, the rest zero; it reads every patch in full, whatever
// its header says (older files hold shrunken headers), and so does this reader.
#pragma once
#include <cstdint>
#include <filesystem>
#include <vector>

namespace spv {

struct NonsharedWeights {
  int nxp = 0, nyp = 0, nfp = 0;
  int nx = 0, ny = 0, nf = 0;  // the pre layer (header nx, ny, nf), written only
  int nx_ext = 0, ny_ext = 0;  // the patch grid (header nxExtended, nyExtended), written only
  int patches = 0;             // per arbor (header numpatches)
  int arbors = 1;
  double time = 0.0;
  std::vector<float> values;  // [arbor][patch][y][x][f], patch = (y_ext * nx_ext + x_ext) * nf + f
  // The header's wMin, wMax when set (OpenPV takes them over the shrunken patches only); else over all values.
  bool has_extrema = false;
  float w_min = 0.0f, w_max = 0.0f;
  std::size_t patch_size() const { return std::size_t(nxp) * nyp * nfp; }
};

// Frame `frame` of a non-shared weight file (datatype 3 float or 1 compressed bytes); `nx`, `ny`, `nf`, `nx_ext`
// and `ny_ext` are left 0 (old files disagree on them; numpatches sizes the frame).
NonsharedWeights read_nonshared_weights(const std::filesystem::path& path, int frame = 0);
// Appends (when `append`) or writes one frame; `compressed` stores each weight as one byte.
void write_nonshared_weights(const std::filesystem::path& path, const NonsharedWeights& w, bool append,
                             bool compressed = false);

}  // namespace spv
