// A group type's parameters, declared once (key, member, default or required, doc, checks); binding, printing and
// documentation all come from this one list.
#pragma once
#include <functional>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "params/param_group.hpp"
#include "params/param_value.hpp"

namespace spv {

struct RequiredTag {};
inline constexpr RequiredTag Required{};
struct NilTag {};
inline constexpr NilTag Nil{};  // default for optional strings (OpenPV's NULL), stored as ""

// A check returns an empty string when the value is acceptable, else what is wrong.
using Check = std::function<std::string(const ParamValue&)>;

namespace checks {
Check positive();
Check non_negative();
Check finite();
Check non_empty_path();  // a path key given as ""
Check at_least(double lo);
Check in_range(double lo, double hi);
Check integer();
Check one_of(std::vector<std::string> allowed);
Check power_of_two();
}  // namespace checks

struct ParamSpec {
  std::string key;
  std::vector<std::string> aliases;  // legacy spellings, accepted with a warning and printed under key
  ParamValue::Kind kind = ParamValue::Kind::Number;
  bool required = false;
  bool integer = false;
  // Range an integer member can hold, so that binding never converts an out-of-range double (undefined behaviour).
  double lowest = -std::numeric_limits<double>::infinity();
  double highest = std::numeric_limits<double>::infinity();
  ParamValue default_value;  // nil for Required, Nil and derived defaults
  // A default computed from the other keys once the plain defaults are in ("defaults to VThresh"); default_text says
  // what it is for --describe.
  std::function<void(void*)> derive;
  std::string default_text;
  // An enumerated key: the spellings it accepts, in declaration order (bound to an enum member at read time).
  std::vector<std::string> allowed;
  std::string doc;
  std::vector<Check> checks;
  std::function<void(void*, const ParamValue&)> store;
  std::function<ParamValue(const void*)> load;
};

// What a bind saw: the keys the file gave explicitly (so that a type can derive defaults from other keys).
// An OpenPV key the type does not declare and that has no effect here: reported once per key by the column.
struct ParamNotice {
  SourceLocation where;
  std::string group, key, message;
};

struct BindResult {
  std::set<std::string> given;
  std::vector<std::string> warnings;
  std::vector<ParamNotice> no_effect;
  bool has(const std::string& key) const { return given.count(key) != 0; }
};

// One key as the reference shows it (sparsepv --describe, docs/params.md): all of it from the declaration.
struct KeyReference {
  std::string key, kind, default_text, doc;
  std::vector<std::string> allowed, aliases;
};

class ParamSchema {
 public:
  ParamSchema(std::string type_name, std::string doc);

  const std::string& type_name() const { return type_name_; }
  const std::string& doc() const { return doc_; }
  const std::vector<ParamSpec>& specs() const { return specs_; }
  const ParamSpec* find(std::string_view key_or_alias) const;

  void add(ParamSpec spec);
  void add_alias(const std::string& key, std::string alias);
  // A cross-key check on the bound struct: returns {key, message} on failure, {"", ""} when fine.
  // The BindResult says which keys the file gave (for rules such as "required when plasticityFlag is true").
  using CrossCheck = std::function<std::pair<std::string, std::string>(const void*, const BindResult&)>;
  void add_cross_check(CrossCheck check);
  // A key that the type reads only when `used` holds (as OpenPV reads it): given otherwise, it has no effect and is
  // reported as such (a no-effect notice naming `why`), not refused.
  using UseCondition = std::function<bool(const void*)>;
  void add_use_condition(std::string key, UseCondition used, std::string why);

  // Reads every key of the group into *out (defaults for absent keys), validating types and checks.
  // Throws ParamError naming file, line, group and key; an unknown key is an error with a did-you-mean.
  // The group's "groupType" and "name" entries, if present, are not parameters.
  BindResult bind(const ParamGroup& group, void* out) const;
  // The effective parameters of *in, in declaration order, as a group of the given name.
  ParamGroup unbind(const void* in, const std::string& name) const;
  // Every key as declared, in declaration order.
  std::vector<KeyReference> reference() const;
  // Human-readable parameter reference (sparsepv --describe TYPE).
  std::string describe() const;

 private:
  bool apply_openpv_rules(const ParamGroup& group, const ParamEntry& entry, BindResult& result) const;

  std::string type_name_, doc_;
  std::vector<ParamSpec> specs_;
  std::vector<CrossCheck> cross_checks_;
  struct ConditionalUse {
    std::string key;
    UseCondition used;
    std::string why;
  };
  std::vector<ConditionalUse> conditional_uses_;
};

// Closest candidate by edit distance (case-insensitive), or "" when nothing is close enough.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

namespace detail {
template <class M>
constexpr ParamValue::Kind kind_of() {
  if constexpr (std::is_same_v<M, bool>) return ParamValue::Kind::Bool;
  else if constexpr (std::is_arithmetic_v<M>) return ParamValue::Kind::Number;
  else if constexpr (std::is_same_v<M, std::string>) return ParamValue::Kind::String;
  else return ParamValue::Kind::Array;
}
template <class M>
ParamValue to_value(const M& m) {
  if constexpr (std::is_same_v<M, bool>) return ParamValue::boolean(m);
  else if constexpr (std::is_arithmetic_v<M>) return ParamValue::number(static_cast<double>(m));
  else if constexpr (std::is_same_v<M, std::string>) return ParamValue::string(m);
  else return ParamValue::array(std::vector<double>(m.begin(), m.end()));
}
template <class M>
M from_value(const ParamValue& v) {
  if constexpr (std::is_same_v<M, bool>) return v.as_bool();
  else if constexpr (std::is_arithmetic_v<M>) return static_cast<M>(v.as_number());
  else if constexpr (std::is_same_v<M, std::string>) return v.as_string();
  else return M(v.as_array().begin(), v.as_array().end());
}
}  // namespace detail

// Typed front end: SchemaBuilder<LcaParams>(schema).key("timeConstantTau", &LcaParams::tau, 5.0, "doc", {positive()})
template <class P>
class SchemaBuilder {
 public:
  explicit SchemaBuilder(ParamSchema& schema) : schema_(schema) {}

  // The member may belong to a base of P (keys shared by many types are declared on a base struct).
  template <class M, class C, class D>
  SchemaBuilder& key(std::string name, M C::*member, D default_value, std::string doc, std::vector<Check> cs = {}) {
    static_assert(std::is_base_of_v<C, P>, "the member must belong to P or a base of P");
    ParamSpec s = make(std::move(name), static_cast<M P::*>(member), std::move(doc), std::move(cs));
    if constexpr (std::is_same_v<D, RequiredTag>) {
      s.required = true;
    } else if constexpr (std::is_same_v<D, NilTag>) {
      static_assert(std::is_same_v<M, std::string>, "Nil defaults are for strings");
    } else {
      s.default_value = detail::to_value<M>(static_cast<M>(default_value));
    }
    schema_.add(std::move(s));
    return *this;
  }
  // A key whose default is computed from other keys after the plain defaults: fn(const P&) returns the value and
  // default_text names it for --describe ("VThresh").
  template <class M, class C, class F>
  SchemaBuilder& derived_key(std::string name, M C::*member, std::string default_text, F fn, std::string doc,
                             std::vector<Check> cs = {}) {
    static_assert(std::is_base_of_v<C, P>, "the member must belong to P or a base of P");
    auto m = static_cast<M P::*>(member);
    ParamSpec s = make(std::move(name), m, std::move(doc), std::move(cs));
    s.default_text = std::move(default_text);
    s.derive = [m, fn](void* p) {
      P& q = *static_cast<P*>(p);
      q.*m = static_cast<M>(fn(static_cast<const P&>(q)));
    };
    schema_.add(std::move(s));
    return *this;
  }
  // An enumerated key bound to an enum member: the file gives one of the spellings; the member receives its value.
  // A spelling "" stands for NULL (the key absent or nil) and is then the default. The default may be Required.
  template <class E, class C, class D>
  SchemaBuilder& choice(std::string name, E C::*member, D default_given, std::vector<std::pair<std::string, E>> values,
                        std::string doc) {
    static_assert(std::is_base_of_v<C, P>, "the member must belong to P or a base of P");
    auto m = static_cast<E P::*>(member);
    ParamSpec s;
    s.key = std::move(name);
    s.kind = ParamValue::Kind::String;
    s.doc = std::move(doc);
    E default_value = values.front().second;
    if constexpr (std::is_same_v<D, RequiredTag>)
      s.required = true;
    else
      default_value = default_given;
    for (const auto& [spelling, value] : values) {
      s.allowed.push_back(spelling);
      if (!s.required && value == default_value && !spelling.empty() && s.default_value.is_nil())
        s.default_value = ParamValue::string(spelling);
    }
    s.checks.push_back(checks::one_of(s.allowed));
    s.store = [m, values, default_value](void* p, const ParamValue& v) {
      E e = default_value;
      const std::string spelling = v.is_nil() ? std::string() : v.as_string();
      for (const auto& [text, value] : values)
        if (text == spelling) e = value;
      static_cast<P*>(p)->*m = e;
    };
    s.load = [m, values](const void* p) {
      const E e = static_cast<const P*>(p)->*m;
      for (const auto& [text, value] : values)
        if (value == e) return text.empty() ? ParamValue::nil() : ParamValue::string(text);
      return ParamValue::nil();
    };
    schema_.add(std::move(s));
    return *this;
  }
  SchemaBuilder& alias(const std::string& key, std::string legacy) {
    schema_.add_alias(key, std::move(legacy));
    return *this;
  }
  // fn(const P&) returns {key, message} when the combination is invalid, {"", ""} when fine.
  SchemaBuilder& cross_check(std::function<std::pair<std::string, std::string>(const P&)> fn) {
    schema_.add_cross_check([fn](const void* p, const BindResult&) { return fn(*static_cast<const P*>(p)); });
    return *this;
  }
  // `key` is read only when fn(params) holds; given otherwise, it has no effect ("used only " + why).
  SchemaBuilder& used_only_if(const std::string& key, std::function<bool(const P&)> fn, std::string why) {
    schema_.add_use_condition(
        key, [fn](const void* p) { return fn(*static_cast<const P*>(p)); }, std::move(why));
    return *this;
  }
  // The same with the keys the file gave, for rules that depend on whether a key was written.
  SchemaBuilder& cross_check(std::function<std::pair<std::string, std::string>(const P&, const BindResult&)> fn) {
    schema_.add_cross_check(
        [fn](const void* p, const BindResult& given) { return fn(*static_cast<const P*>(p), given); });
    return *this;
  }

 private:
  template <class M>
  ParamSpec make(std::string name, M P::*member, std::string doc, std::vector<Check> cs) {
    ParamSpec s;
    s.key = std::move(name);
    s.kind = detail::kind_of<M>();
    s.integer = std::is_integral_v<M> && !std::is_same_v<M, bool>;
    if constexpr (std::is_integral_v<M> && !std::is_same_v<M, bool>) {
      s.lowest = static_cast<double>(std::numeric_limits<M>::lowest());
      s.highest = static_cast<double>(std::numeric_limits<M>::max());
    }
    s.doc = std::move(doc);
    s.checks = std::move(cs);
    s.store = [member](void* p, const ParamValue& v) { static_cast<P*>(p)->*member = detail::from_value<M>(v); };
    s.load = [member](const void* p) { return detail::to_value<M>(static_cast<const P*>(p)->*member); };
    return s;
  }
  ParamSchema& schema_;
};

}  // namespace spv
