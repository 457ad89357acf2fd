// Layers that read another layer neuron for neuron (originalLayerName) must have its global size.
#pragma once
#include <string>

#include "core/layer.hpp"

namespace spv {

// Throws GeometryError naming both layers and sizes unless `own` (this layer's geometry) matches `original`'s.
void require_same_size(const std::string& name, const LayerGeometry& own, const Layer& original);
// The same for layers whose nf follows from the original's by a rule: nx and ny as the original's, nf as given, the
// rule ("(nf + 1) * repFeatureNum") named in the message.
void require_same_size(const std::string& name, const LayerGeometry& own, const Layer& original, int nf,
                       const std::string& nf_rule);

}  // namespace spv
