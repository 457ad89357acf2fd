// Group type name -> schema and factory. A value built by the caller (no global singleton), so tests can build
// their own.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "core/connection.hpp"
#include "core/layer.hpp"
#include "core/object.hpp"
#include "core/probe.hpp"

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

// Registers T (a Typed<T, Params, Base>: see core/group_type.hpp) under T::kType; its kind follows from its base.
template <class T>
void register_type(Registry& registry) {
  constexpr ObjectKind kind = std::is_base_of_v<Layer, T>        ? ObjectKind::Layer
                              : std::is_base_of_v<Connection, T> ? ObjectKind::Connection
                                                                 : ObjectKind::Probe;
  static_assert(std::is_base_of_v<Layer, T> || std::is_base_of_v<Connection, T> || std::is_base_of_v<Probe, T>,
                "a group type is a Layer, a Connection or a Probe");
  registry.add(TypeInfo{T::kType, kind, &T::param_schema(),
                        [](const ParamGroup& g) -> std::unique_ptr<Object> { return std::make_unique<T>(g); }});
}

}  // namespace spv
