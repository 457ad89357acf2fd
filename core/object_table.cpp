#include "core/object_table.hpp"

#include <vector>

#include "params/param_schema.hpp"

namespace spv {

void ObjectTable::add(std::unique_ptr<Object> object) {
  by_name_[object->name()] = object.get();
  objects_.push_back(std::move(object));
}

Object* ObjectTable::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

void ObjectTable::missing(const std::string& name, const Object& requester, const std::string& key,
                          const char* kind_word) const {
  std::vector<std::string> names;
  for (const auto& o : objects_) names.push_back(o->name());
  std::string hint = did_you_mean(name, names);
  throw ParamError(requester.location_of(key), requester.name(), key,
                   std::string("names ") + kind_word + " \"" + name + "\", but there is no group of that name" +
                       (hint.empty() ? "" : "; did you mean \"" + hint + "\"?"));
}

void ObjectTable::wrong_kind(const Object& found, const Object& requester, const std::string& key,
                             const char* kind_word) const {
  throw ParamError(requester.location_of(key), requester.name(), key,
                   "names \"" + found.name() + "\", which is a " + found.type() + ", not " + kind_word);
}

}  // namespace spv
