#include "params/params_writer.hpp"

#include <array>
#include <cctype>

namespace spv {

namespace {

bool is_identifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

bool is_lua_keyword(const std::string& s) {
  static const std::array<const char*, 22> words = {
      "and", "break", "do",  "else", "elseif", "end",    "false",  "for",  "function", "goto",  "if",
      "in",  "local", "nil", "not",  "or",     "repeat", "return", "then", "true",     "until", "while"};
  for (const char* w : words) {
    if (s == w) return true;
  }
  return false;
}

std::string quoted(const std::string& s) { return ParamValue::string(s).to_params_text(); }

// Splits a sweep group's name "<group>:<key>" at its last colon.
std::pair<std::string, std::string> sweep_target(const ParamGroup& g) {
  auto colon = g.name.rfind(':');
  if (colon == std::string::npos || colon == 0 || !is_identifier(g.name.substr(colon + 1))) {
    throw ParamError(g.where, g.name, "", g.type + " group names must have the form <group>:<key>");
  }
  return {g.name.substr(0, colon), g.name.substr(colon + 1)};
}

void write_params_group(const ParamGroup& g, std::string& out) {
  if (!is_identifier(g.type)) throw ParamError(g.where, g.name, "", "group type \"" + g.type + "\" is not a word");
  if (is_sweep_type(g.type)) {
    auto [target, key] = sweep_target(g);
    out += g.type + " " + quoted(target) + ":" + key + " = {\n";
    for (const auto& e : g.entries) out += "    " + e.value.to_params_text() + ";\n";
    out += "};\n";
    return;
  }
  out += g.type + " " + quoted(g.name) + " = {\n";
  for (const auto& e : g.entries) {
    if (!is_identifier(e.key)) {
      throw ParamError(e.where, g.name, e.key, "this key cannot be written in .params syntax (it is not a word)");
    }
    out += "    " + e.key + " = " + e.value.to_params_text() + ";\n";
  }
  out += "};\n";
}

bool is_index(const std::string& s) {
  if (s.empty() || s[0] == '0') return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string lua_key(const ParamGroup& g, const ParamEntry& e, bool positional) {
  const std::string& key = e.key;
  if (positional) {
    if (!is_index(key)) throw ParamError(e.where, g.name, key, "sweep values must be keyed 1, 2, 3, ...");
    return std::string("[").append(key).append("]");
  }
  if (is_identifier(key) && !is_lua_keyword(key)) return key;
  return std::string("[").append(quoted(key)).append("]");
}

void write_lua_group(const ParamGroup& g, std::string& out) {
  bool sweep = is_sweep_type(g.type);
  if (sweep) sweep_target(g);
  out += "  {\n";
  out += "    groupType = " + quoted(g.type) + ",\n";
  out += "    name = " + quoted(g.name) + ",\n";
  for (const auto& e : g.entries) {
    // NULL is the loader's stand-in for OpenPV's NULL: Lua's nil would drop the key altogether.
    std::string value = e.value.is_nil() ? "NULL" : e.value.to_lua_text();
    out += "    " + lua_key(g, e, sweep) + " = " + value + ",\n";
  }
  out += "  },\n";
}

}  // namespace

std::string write_params_text(const ParamDocument& doc) {
  std::string out = "debugParsing = false;\n";
  for (const auto& g : doc.groups) {
    out += "\n";
    write_params_group(g, out);
  }
  return out;
}

std::string write_lua_text(const ParamDocument& doc) {
  std::string out = "-- sparsepv params: a Lua chunk returning the groups in order (sparsepv -p reads it back).\n";
  out += "return {\n";
  for (const auto& g : doc.groups) write_lua_group(g, out);
  out += "}\n";
  return out;
}

}  // namespace spv
