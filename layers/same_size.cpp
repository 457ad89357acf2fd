#include "layers/same_size.hpp"

#include "core/errors.hpp"

namespace spv {

static std::string size_of(const LayerGeometry& l) {
  return std::to_string(l.nx_global) + "x" + std::to_string(l.ny_global) + "x" + std::to_string(l.nf);
}

void require_same_size(const std::string& name, const LayerGeometry& own, const Layer& original) {
  const LayerGeometry& g = original.geometry();
  if (own.nx_global == g.nx_global && own.ny_global == g.ny_global && own.nf == g.nf) return;
  throw GeometryError("layer \"" + name + "\" (" + size_of(own) + ") must have the size of its originalLayerName \"" +
                      original.name() + "\" (" + size_of(g) + ")");
}

void require_same_size(const std::string& name, const LayerGeometry& own, const Layer& original, int nf,
                       const std::string& nf_rule) {
  const LayerGeometry& g = original.geometry();
  if (own.nx_global == g.nx_global && own.ny_global == g.ny_global && own.nf == nf) return;
  throw GeometryError("layer \"" + name + "\" (" + size_of(own) +
                      ") must have the nx and ny of its originalLayerName \"" + original.name() + "\" (" + size_of(g) +
                      ") and nf = " + nf_rule + " = " + std::to_string(nf));
}

}  // namespace spv
