#include "layers/from_original_layer.hpp"

#include "core/object_table.hpp"

namespace spv {

std::vector<std::string> FromOriginalLayer::dependencies() const {
  auto deps = Layer::dependencies();
  deps.push_back(original_name_);
  return deps;
}

void FromOriginalLayer::resolve(ObjectTable& objects, const RunContext& ctx) {
  original_ = objects.require<Layer>(original_name_, *this, "originalLayerName", "a layer");
  check_original(*original_);
  Layer::resolve(objects, ctx);
}

}  // namespace spv
