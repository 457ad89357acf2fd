#include "params/openpv_keys.hpp"

#include <cstdlib>
#include <map>
#include <sstream>

namespace spv {

extern const char* const kOpenPvKeysTable;  // params/openpv_keys.tsv, embedded by CMake

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, sep)) out.push_back(item);
  if (!s.empty() && s.back() == sep) out.push_back("");
  return out;
}

struct Tables {
  std::map<std::string, OpenPvKey, std::less<>> keys;
  std::map<std::string, OpenPvType, std::less<>> types;
};

// Rows: "key<TAB>rules<TAB>why", "type<TAB>Name<TAB>why" or "successor<TAB>Name<TAB>Successor<TAB>why"; rules "-" or
// "TypeA,TypeB=v1|v2;TypeC=".
const Tables& tables() {
  static const Tables t = [] {
    Tables out;
    std::istringstream in(kOpenPvKeysTable);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f = split(line, '\t');
      if (f.size() < 3) continue;
      if (f[0] == "type") {
        out.types[f[1]] = OpenPvType{f[1], f[2], ""};
        continue;
      }
      if (f[0] == "successor" && f.size() >= 4) {
        out.types[f[1]] = OpenPvType{f[1], f[3], f[2]};
        continue;
      }
      OpenPvKey k{f[0], {}, f[2]};
      if (f[1] != "-") {
        for (const std::string& rule : split(f[1], ';')) {
          const auto eq = rule.find('=');
          if (eq == std::string::npos) continue;
          OpenPvKeyRule r{split(rule.substr(0, eq), ','), {}};
          const std::string values = rule.substr(eq + 1);
          if (!values.empty()) r.neutral = split(values, '|');
          k.rules.push_back(std::move(r));
        }
      }
      out.keys[f[0]] = std::move(k);
    }
    return out;
  }();
  return t;
}

}  // namespace

const OpenPvKey* find_openpv_key(std::string_view key) {
  const auto& keys = tables().keys;
  auto it = keys.find(key);
  return it == keys.end() ? nullptr : &it->second;
}

const OpenPvType* find_openpv_type(std::string_view type) {
  const auto& types = tables().types;
  auto it = types.find(type);
  return it == types.end() ? nullptr : &it->second;
}

bool is_neutral_value(const ParamValue& value, const std::vector<std::string>& neutral) {
  for (const std::string& n : neutral) {
    if (value.kind() == ParamValue::Kind::Number || value.kind() == ParamValue::Kind::Bool) {
      const double v = value.kind() == ParamValue::Kind::Bool ? (value.as_bool() ? 1.0 : 0.0) : value.as_number();
      if (n == "true" || n == "false") {
        if (v == (n == "true" ? 1.0 : 0.0)) return true;
        continue;
      }
      char* end = nullptr;
      const double x = std::strtod(n.c_str(), &end);
      if (end != n.c_str() && *end == '\0' && x == v) return true;
    } else if (value.is_nil()) {
      if (n == "NULL") return true;
    } else if (value.kind() == ParamValue::Kind::String) {
      if (value.as_string() == n || (n == "NULL" && value.as_string().empty())) return true;
    } else if (value.kind() == ParamValue::Kind::Array) {
      if (n == "[]" && value.as_array().empty()) return true;
      // A numeric neutral value also stands for an array of it (OpenPV writes delay = [0.000000]).
      char* end = nullptr;
      const double x = std::strtod(n.c_str(), &end);
      const auto& items = value.as_array();
      if (end == n.c_str() || *end != '\0' || items.empty()) continue;
      bool all = true;
      for (double item : items) all = all && item == x;
      if (all) return true;
    }
  }
  return false;
}

}  // namespace spv
