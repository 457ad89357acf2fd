#include "core/registry.hpp"

namespace spv {

void Registry::add(TypeInfo info) {
  std::string name = info.name;
  types_[name] = std::move(info);
}

const TypeInfo* Registry::find(const std::string& type) const {
  auto it = types_.find(type);
  return it == types_.end() ? nullptr : &it->second;
}

std::vector<std::string> Registry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, info] : types_) out.push_back(name);
  return out;
}

}  // namespace spv
