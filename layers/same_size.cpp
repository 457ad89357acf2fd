#include "layers/same_size.hpp"

#include "core/errors.hpp"

namespace spv {

void require_same_size(const std::string& name, const LayerGeometry& own, const Layer& original) {
  const LayerGeometry& g = original.geometry();
  if (own.nx_global == g.nx_global && own.ny_global == g.ny_global && own.nf == g.nf) return;
  auto size = [](const LayerGeometry& l) {
    return std::to_string(l.nx_global) + "x" + std::to_string(l.ny_global) + "x" + std::to_string(l.nf);
  };
  throw GeometryError("layer \"" + name + "\" (" + size(own) + ") must have the size of its originalLayerName \"" +
                      original.name() + "\" (" + size(g) + ")");
}

}  // namespace spv
