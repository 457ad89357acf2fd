#include "connections/weight_file.hpp"

#include <algorithm>

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

}  // namespace spv
