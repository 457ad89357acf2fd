#include "core/object.hpp"

namespace spv {

Object::Object(const ParamGroup& group) : name_(group.name), type_(group.type), where_(group.where) {
  for (const auto& e : group.entries) key_locations_.emplace_back(e.key, e.where);
}

SourceLocation Object::location_of(const std::string& key) const {
  for (const auto& [k, at] : key_locations_)
    if (k == key && !at.file.empty()) return at;
  return where_;
}

void Object::fail(const std::string& key, const std::string& message) const {
  throw ParamError(location_of(key), name_, key, message);
}

}  // namespace spv
