// Group type name -> schema and factory. A value built by the caller (no global singleton), so tests can build
// their own.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/object.hpp"

namespace spv {

enum class ObjectKind { Layer, Connection, Probe };

struct TypeInfo {
  std::string name;
  ObjectKind kind;
  const ParamSchema* schema = nullptr;
  std::function<std::unique_ptr<Object>(const ParamGroup&)> make;
};

class Registry {
 public:
  void add(TypeInfo info);
  const TypeInfo* find(const std::string& type) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, TypeInfo> types_;
};

// Registers T, which provides `struct Params`, `static const ParamSchema& param_schema()` and a constructor
// T(const ParamGroup&, Params, const BindResult&).
template <class T>
void register_type(Registry& registry, const std::string& name, ObjectKind kind) {
  registry.add(TypeInfo{name, kind, &T::param_schema(), [](const ParamGroup& g) -> std::unique_ptr<Object> {
                          typename T::Params p{};
                          BindResult r = T::param_schema().bind(g, &p);
                          return std::make_unique<T>(g, std::move(p), r);
                        }});
}

}  // namespace spv
