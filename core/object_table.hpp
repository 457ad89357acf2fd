// The column's objects by name, with typed look-ups that fail with the group and key that named a missing object.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/object.hpp"

namespace spv {

class ObjectTable {
 public:
  void add(std::unique_ptr<Object> object);
  Object* find(const std::string& name) const;
  const std::vector<std::unique_ptr<Object>>& objects() const { return objects_; }
  std::vector<std::unique_ptr<Object>>& objects() { return objects_; }

  // The object `name` as a T; throws ParamError at (requester, key) if it is missing or of another kind.
  template <class T>
  T* require(const std::string& name, const Object& requester, const std::string& key, const char* kind_word) const {
    Object* o = find(name);
    if (!o) missing(name, requester, key, kind_word);
    T* t = dynamic_cast<T*>(o);
    if (!t) wrong_kind(*o, requester, key, kind_word);
    return t;
  }

 private:
  [[noreturn]] void missing(const std::string& name, const Object& requester, const std::string& key,
                            const char* kind_word) const;
  [[noreturn]] void wrong_kind(const Object& found, const Object& requester, const std::string& key,
                               const char* kind_word) const;
  std::vector<std::unique_ptr<Object>> objects_;
  std::unordered_map<std::string, Object*> by_name_;
};

}  // namespace spv
