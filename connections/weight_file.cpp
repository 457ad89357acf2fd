#include "connections/weight_file.hpp"

#include <algorithm>
#include <limits>

namespace spv {

namespace {

std::string shape_text(int arbors, int nx_kernel, int ny_kernel, int nf_kernel, int nxp, int nyp, int nfp) {
  return std::to_string(arbors) + (arbors == 1 ? " arbor" : " arbors") + " of " + std::to_string(nx_kernel) + "x" +
         std::to_string(ny_kernel) + "x" + std::to_string(nf_kernel) + " kernels (x, y, f) with " +
         std::to_string(nxp) + "x" + std::to_string(nyp) + "x" + std::to_string(nfp) + " patches (nxp, nyp, nfp)";
}

}  // namespace

SharedWeights to_shared_weights(const WeightStore& w, const ConvGeometry& g, double time) {
  SharedWeights s;
  s.nxp = w.nxp();
  s.nyp = w.nyp();
  s.nfp = w.nfp();
  s.nx_kernel = g.kernels_x();
  s.ny_kernel = g.kernels_y();
  s.nf_kernel = g.nf_pre;
  s.arbors = w.arbors();
  s.time = time;
  s.values.assign(w.values().begin(), w.values().end());
  return s;
}

std::string copy_matching_weights(const SharedWeights& file, const ConvGeometry& g, WeightStore& w) {
  const bool fits = file.arbors == w.arbors() && file.nx_kernel == g.kernels_x() && file.ny_kernel == g.kernels_y() &&
                    file.nf_kernel == g.nf_pre && file.nxp == w.nxp() && file.nyp == w.nyp() && file.nfp == w.nfp() &&
                    file.values.size() == w.values().size();
  if (!fits)
    return "holds " +
           shape_text(file.arbors, file.nx_kernel, file.ny_kernel, file.nf_kernel, file.nxp, file.nyp, file.nfp) +
           ", but this connection needs " +
           shape_text(w.arbors(), g.kernels_x(), g.kernels_y(), g.nf_pre, w.nxp(), w.nyp(), w.nfp());
  std::copy(file.values.begin(), file.values.end(), w.values().begin());
  w.touch();
  return "";
}

NonsharedWeights to_nonshared_weights(const WeightStore& w, const ConvGeometry& g, double time, bool shrunken) {
  NonsharedWeights n;
  n.nxp = w.nxp();
  n.nyp = w.nyp();
  n.nfp = w.nfp();
  n.nx = g.x.n_pre;
  n.ny = g.y.n_pre;
  n.nf = g.nf_pre;
  n.nx_ext = g.patches_x();
  n.ny_ext = g.patches_y();
  n.patches = w.kernels();
  n.arbors = w.arbors();
  n.time = time;
  n.values.assign(w.values().begin(), w.values().end());
  if (!shrunken) return n;
  const int bx = g.x.needed_border(), by = g.y.needed_border();
  const std::size_t ps = w.patch_size();
  // OpenPV's header extrema cover the shrunken patches only.
  n.has_extrema = true;
  n.w_min = std::numeric_limits<float>::max();
  n.w_max = -std::numeric_limits<float>::max();
  const auto extrema = [&n](float v) {
    n.w_min = std::min(n.w_min, v);
    n.w_max = std::max(n.w_max, v);
  };
  for (int a = 0; a < w.arbors(); ++a)
    for (int py = 0; py < g.patches_y(); ++py) {
      const int y_lo = g.y.active_lo(py - by), y_hi = g.y.active_hi(py - by);
      for (int px = 0; px < g.patches_x(); ++px) {
        const int x_lo = g.x.active_lo(px - bx), x_hi = g.x.active_hi(px - bx);
        for (int f = 0; f < g.nf_pre; ++f) {
          const std::size_t patch =
              std::size_t(a) * w.kernels() + (std::size_t(py) * g.patches_x() + px) * g.nf_pre + f;
          float* v = n.values.data() + patch * ps;
          for (int y = 0; y < w.nyp(); ++y)
            for (int x = 0; x < w.nxp(); ++x)
              if (y < y_lo || y >= y_hi || x < x_lo || x >= x_hi) {
                std::fill_n(v + (std::size_t(y) * w.nxp() + x) * w.nfp(), w.nfp(), 0.0f);
              } else {
                for (int q = 0; q < w.nfp(); ++q) extrema(v[(std::size_t(y) * w.nxp() + x) * w.nfp() + q]);
              }
        }
      }
    }
  return n;
}

std::string copy_matching_weights(const NonsharedWeights& file, const ConvGeometry& g, WeightStore& w) {
  const bool fits = file.arbors >= w.arbors() && file.patches == w.kernels() && file.nxp == w.nxp() &&
                    file.nyp == w.nyp() && file.nfp == w.nfp();
  if (!fits)
    return "holds " + std::to_string(file.arbors) + " arbor(s) of " + std::to_string(file.patches) + " patches of " +
           std::to_string(file.nxp) + "x" + std::to_string(file.nyp) + "x" + std::to_string(file.nfp) +
           " (nxp, nyp, nfp), but this connection needs " + std::to_string(w.arbors()) + " arbor(s) of " +
           std::to_string(w.kernels()) + " patches (" + std::to_string(g.patches_x()) + "x" +
           std::to_string(g.patches_y()) + "x" + std::to_string(g.nf_pre) + ": the pre layer and a border of " +
           std::to_string(g.x.needed_border()) + "x" + std::to_string(g.y.needed_border()) + ") of " +
           std::to_string(w.nxp()) + "x" + std::to_string(w.nyp()) + "x" + std::to_string(w.nfp());
  std::copy(file.values.begin(), file.values.begin() + std::ptrdiff_t(w.values().size()), w.values().begin());
  w.touch();
  return "";
}

std::string read_weight_file(const std::filesystem::path& path, int frame, const ConvGeometry& g, WeightStore& w) {
  if (g.shared) return copy_matching_weights(read_shared_weights(path, frame), g, w);
  return copy_matching_weights(read_nonshared_weights(path, frame), g, w);
}

void write_weight_file(const std::filesystem::path& path, const WeightStore& w, const ConvGeometry& g, double time,
                       bool append, bool compressed, bool shrunken) {
  if (g.shared)
    write_shared_weights(path, to_shared_weights(w, g, time), append, compressed);
  else
    write_nonshared_weights(path, to_nonshared_weights(w, g, time, shrunken), append, compressed);
}

}  // namespace spv
