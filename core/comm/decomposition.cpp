#include "core/comm/decomposition.hpp"

#include "core/errors.hpp"

namespace spv {

LayerGeometry Decomposition::tile(const std::string& layer, int nx_global, int ny_global, int nf,
                                  int nbatch_global) const {
  auto fail = [&](const std::string& what, int n, int parts) {
    std::string fits;
    for (int k = 1; k <= n; ++k)
      if (n % k == 0) fits += (fits.empty() ? "" : ", ") + std::to_string(k);
    throw GeometryError("layer \"" + layer + "\": " + what + " " + std::to_string(n) + " is not divisible by " +
                        std::to_string(parts) + " (the decomposition's count in that direction); counts that fit: " +
                        fits);
  };
  if (nx_global % columns) fail("nx", nx_global, columns);
  if (ny_global % rows) fail("ny", ny_global, rows);
  if (nbatch_global % batch_width) fail("nbatch", nbatch_global, batch_width);
  LayerGeometry g;
  g.nx_global = nx_global;
  g.ny_global = ny_global;
  g.nf = nf;
  g.nbatch_global = nbatch_global;
  g.nx = nx_global / columns;
  g.ny = ny_global / rows;
  g.kx0 = column() * g.nx;
  g.ky0 = row() * g.ny;
  g.nbatch = nbatch_global / batch_width;
  g.batch0 = batch_index() * g.nbatch;
  return g;
}

}  // namespace spv
