// Compares two params documents as the writers promise to preserve them: groups, types, names, keys and values in
// order (locations may differ). NaN equals NaN here, as a value written and read back.
#pragma once
#include <cmath>
#include <string>

#include "fuzz_support.hpp"
#include "params/error.hpp"
#include "params/param_group.hpp"

namespace spv::fuzz {

inline bool same_number(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

inline bool same_value(const ParamValue& a, const ParamValue& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ParamValue::Kind::Nil: return true;
    case ParamValue::Kind::Number: return same_number(a.as_number(), b.as_number());
    case ParamValue::Kind::Bool: return a.as_bool() == b.as_bool();
    case ParamValue::Kind::String: return a.as_string() == b.as_string();
    case ParamValue::Kind::Array:
      if (a.as_array().size() != b.as_array().size()) return false;
      for (std::size_t i = 0; i < a.as_array().size(); ++i)
        if (!same_number(a.as_array()[i], b.as_array()[i])) return false;
      return true;
  }
  return false;
}

// "" when equal, else the first difference.
inline std::string difference(const ParamDocument& a, const ParamDocument& b) {
  if (a.groups.size() != b.groups.size())
    return std::to_string(a.groups.size()) + " groups became " + std::to_string(b.groups.size());
  for (std::size_t g = 0; g < a.groups.size(); ++g) {
    const ParamGroup &x = a.groups[g], &y = b.groups[g];
    if (x.type != y.type || x.name != y.name)
      return "group " + x.type + " \"" + x.name + "\" became " + y.type + " \"" + y.name + "\"";
    if (x.entries.size() != y.entries.size()) return "group \"" + x.name + "\" changed its number of keys";
    for (std::size_t e = 0; e < x.entries.size(); ++e) {
      if (x.entries[e].key != y.entries[e].key)
        return "group \"" + x.name + "\": key " + x.entries[e].key + " became " + y.entries[e].key;
      if (!same_value(x.entries[e].value, y.entries[e].value))
        return "group \"" + x.name + "\" key " + x.entries[e].key + ": " + x.entries[e].value.to_params_text() +
               " became " + y.entries[e].value.to_params_text();
    }
  }
  return "";
}

// The writers' promise on an accepted document: write(doc) either refuses it by name (a spv::Error) or gives text
// that read(text) takes back into the same document. `what` names the pair in a broken invariant's message.
template <class Write, class Read>
void check_round_trip(const ParamDocument& doc, Write write, Read read, const std::string& what) {
  std::string written;
  try {
    written = write(doc);
  } catch (const spv::Error&) {
    return;  // a document this syntax cannot hold (e.g. a Lua-only key) is refused by name
  }
  ParamDocument again;
  try {
    again = read(written);
  } catch (const spv::Error& e) {
    invariant_broken(what + ": the writer wrote text its reader refuses: " + e.what() + "\n" + written);
  }
  if (const std::string d = difference(doc, again); !d.empty())
    invariant_broken(what + ": the round trip changed the document: " + d);
}

}  // namespace spv::fuzz
