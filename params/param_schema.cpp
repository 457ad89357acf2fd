#include "params/param_schema.hpp"

#include "params/openpv_keys.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <utility>

namespace spv {

ParamSchema::ParamSchema(std::string type_name, std::string doc)
    : type_name_(std::move(type_name)), doc_(std::move(doc)) {}

const ParamSpec* ParamSchema::find(std::string_view key_or_alias) const {
  for (const auto& s : specs_) {
    if (s.key == key_or_alias) return &s;
  }
  for (const auto& s : specs_) {
    for (const auto& a : s.aliases) {
      if (a == key_or_alias) return &s;
    }
  }
  return nullptr;
}

void ParamSchema::add(ParamSpec spec) {
  if (find(spec.key)) throw ParamError({}, type_name_, spec.key, "declared twice in the schema of " + type_name_);
  specs_.push_back(std::move(spec));
}

void ParamSchema::add_alias(const std::string& key, std::string alias) {
  if (find(alias)) throw ParamError({}, type_name_, alias, "alias already names a parameter of " + type_name_);
  for (auto& s : specs_) {
    if (s.key == key) {
      s.aliases.push_back(std::move(alias));
      return;
    }
  }
  throw ParamError({}, type_name_, key, "alias \"" + alias + "\" refers to a key the schema does not declare");
}

void ParamSchema::add_cross_check(CrossCheck check) { cross_checks_.push_back(std::move(check)); }

void ParamSchema::add_use_condition(std::string key, UseCondition used, std::string why) {
  conditional_uses_.push_back({std::move(key), std::move(used), std::move(why)});
}

namespace {

// How a value reads in an error message: `a string ("abc")`, `NULL`.
std::string describe_value(const ParamValue& v) {
  switch (v.kind()) {
    case ParamValue::Kind::Nil: return "NULL";
    case ParamValue::Kind::Number: return "a number (" + v.to_params_text() + ")";
    case ParamValue::Kind::Bool: return std::string("a boolean (") + (v.as_bool() ? "true" : "false") + ")";
    case ParamValue::Kind::String: return "a string (" + v.to_params_text() + ")";
    case ParamValue::Kind::Array: return "an array (" + v.to_params_text() + ")";
  }
  return "a value";
}

std::string expected_text(const ParamSpec& spec) {
  switch (spec.kind) {
    case ParamValue::Kind::Number: return spec.integer ? "a whole number" : "a number";
    case ParamValue::Kind::Bool: return "true or false";
    case ParamValue::Kind::String: return "a string";
    case ParamValue::Kind::Array: return "a number or an array of numbers";
    case ParamValue::Kind::Nil: return "nothing";
  }
  return "a value";
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

bool is_whole(double v) { return std::isfinite(v) && v == std::trunc(v); }

// The value as the member will receive it, or an error message (empty on success).
std::string convert(const ParamSpec& spec, const ParamValue& in, ParamValue& out) {
  using K = ParamValue::Kind;
  auto wrong = [&] { return "expected " + expected_text(spec) + ", got " + describe_value(in); };
  switch (spec.kind) {
    case K::Number:
      // OpenPV's parser reads true/false as 1/0 wherever a number is expected (padValue = false).
      if (in.kind() == K::Bool) {
        out = ParamValue::number(in.as_bool() ? 1.0 : 0.0);
        return "";
      }
      if (in.kind() != K::Number) return wrong();
      if (std::isnan(in.as_number())) return "value is not a number (NaN)";
      if (spec.integer) {
        double v = in.as_number();
        if (!is_whole(v)) return wrong();
        if (v < spec.lowest || v >= spec.highest + 1.0) {
          return "value " + format_number(v) + " is out of range for this parameter (" + format_number(spec.lowest) +
                 " to " + format_number(spec.highest) + ")";
        }
      }
      out = in;
      return "";
    case K::Bool:
      // OpenPV's .params grammar reads true/false as 1/0, so files written for it may use numbers for flags.
      if (in.kind() == K::Bool) {
        out = in;
        return "";
      }
      if (in.kind() == K::Number && (in.as_number() == 0.0 || in.as_number() == 1.0)) {
        out = ParamValue::boolean(in.as_number() == 1.0);
        return "";
      }
      return wrong();
    case K::String:
      if (in.kind() == K::String) {
        out = in;
        // Enumerated keys take OpenPV's spellings in any case (Gauss2DWeight, gauss2dweight).
        for (const auto& a : spec.allowed)
          if (!a.empty() && equal_ignoring_case(a, in.as_string())) out = ParamValue::string(a);
        return "";
      }
      if (in.is_nil() && !spec.required && spec.default_value.is_nil()) {
        out = ParamValue::string("");
        return "";
      }
      return wrong();
    case K::Array:
      if (in.kind() == K::Array) {
        for (double x : in.as_array())
          if (std::isnan(x)) return "an element of the array is not a number (NaN)";
        out = in;
        return "";
      }
      if (in.kind() == K::Number) {
        if (std::isnan(in.as_number())) return "value is not a number (NaN)";
        out = ParamValue::array({in.as_number()});
        return "";
      }
      return wrong();
    case K::Nil: return wrong();
  }
  return wrong();
}

}  // namespace

static std::string value_text(const ParamValue& v) { return v.to_params_text(); }

// An undeclared key that is OpenPV's: true when it has no effect (noted in result), an error when its value would
// change a result sparsepv does not compute, false when OpenPV does not know it either.
bool ParamSchema::apply_openpv_rules(const ParamGroup& group, const ParamEntry& entry, BindResult& result) const {
  const OpenPvKey* k = find_openpv_key(entry.key);
  if (!k) return false;
  for (const OpenPvKeyRule& rule : k->rules) {
    if (std::find(rule.types.begin(), rule.types.end(), type_name_) == rule.types.end()) continue;
    // "value?otherKey": the value is neutral only beside a non-empty otherKey (triggerFlag = true beside the
    // triggerLayerName that alone triggers the layer now).
    std::vector<std::string> neutral;
    std::string accepted;
    for (const std::string& n : rule.neutral) {
      const auto q = n.find('?');
      accepted += (accepted.empty() ? "" : " or ") +
                  (q == std::string::npos ? n : n.substr(0, q) + " with " + n.substr(q + 1) + " set");
      if (q == std::string::npos) {
        neutral.push_back(n);
        continue;
      }
      const ParamEntry* other = group.find(n.substr(q + 1));
      if (other && other->value.kind() == ParamValue::Kind::String && !other->value.as_string().empty())
        neutral.push_back(n.substr(0, q));
    }
    if (is_neutral_value(entry.value, neutral)) break;
    throw ParamError(entry.where, group.name, entry.key,
                     "OpenPV's " + type_name_ + " reads this key and " + value_text(entry.value) +
                         " would change its result, which sparsepv does not compute: " + k->why +
                         (accepted.empty() ? " (leave the key out)" : " (only " + accepted + " is accepted)"));
  }
  result.no_effect.push_back({entry.where, group.name, entry.key,
                              "key " + entry.key + " has no effect in sparsepv's " + type_name_ + " (" + k->why + ")"});
  return true;
}

BindResult ParamSchema::bind(const ParamGroup& group, void* out) const {
  BindResult result;
  std::map<std::string, const ParamEntry*> given;
  for (const auto& entry : group.entries) {
    if (entry.key == "groupType" || entry.key == "name") continue;
    const ParamSpec* spec = find(entry.key);
    if (!spec && apply_openpv_rules(group, entry, result)) continue;
    if (!spec) {
      std::vector<std::string> known;
      for (const auto& s : specs_) known.push_back(s.key);
      std::string hint = did_you_mean(entry.key, known);
      if (hint.empty()) {
        for (const auto& s : specs_) {
          if (!did_you_mean(entry.key, s.aliases).empty()) hint = s.key;
        }
      }
      std::string message = "unknown parameter for " + type_name_;
      message += hint.empty() ? " (sparsepv --describe " + type_name_ + " lists its parameters)"
                              : "; did you mean \"" + hint + "\"?";
      throw ParamError(entry.where, group.name, entry.key, message);
    }
    if (auto it = given.find(spec->key); it != given.end()) {
      throw ParamError(entry.where, group.name, entry.key,
                       "is given twice (as \"" + it->second->key + "\" at " + it->second->where.str() + " and as \"" +
                           entry.key + "\"); \"" + spec->key + "\" is its current name");
    }
    given[spec->key] = &entry;
    if (entry.key != spec->key) {
      std::string where = entry.where.str();
      result.warnings.push_back((where.empty() ? "" : where + ": ") + "group \"" + group.name + "\": key " + entry.key +
                                " is a legacy name for " + spec->key);
    }
    ParamValue value;
    std::string problem = convert(*spec, entry.value, value);
    if (!problem.empty()) throw ParamError(entry.where, group.name, entry.key, problem);
    for (const auto& check : spec->checks) {
      std::string why = check(value);
      if (!why.empty()) {
        throw ParamError(entry.where, group.name, entry.key, "value " + value_text(value) + " is invalid: " + why);
      }
    }
    spec->store(out, value);
    result.given.insert(spec->key);
  }
  for (const auto& spec : specs_) {
    if (result.has(spec.key)) continue;
    if (spec.required) throw ParamError(group.where, group.name, spec.key, "required parameter is missing");
    if (!spec.derive) spec.store(out, spec.default_value);
  }
  // Derived defaults read the other keys, so they come after every plain default and given value.
  for (const auto& spec : specs_) {
    if (spec.derive && !result.has(spec.key)) spec.derive(out);
  }
  for (const ConditionalUse& c : conditional_uses_) {
    const auto it = given.find(c.key);
    if (it == given.end() || c.used(out)) continue;
    result.no_effect.push_back(
        {it->second->where, group.name, c.key,
         "key " + c.key + " has no effect in sparsepv's " + type_name_ + " (used only " + c.why + ", as in OpenPV)"});
  }
  for (const auto& cross : cross_checks_) {
    auto [key, message] = cross(out, result);
    if (message.empty()) continue;
    SourceLocation where = group.where;
    if (auto it = given.find(key); it != given.end()) where = it->second->where;
    throw ParamError(where, group.name, key, message);
  }
  return result;
}

ParamGroup ParamSchema::unbind(const void* in, const std::string& name) const {
  ParamGroup group;
  group.type = type_name_;
  group.name = name;
  for (const auto& spec : specs_) {
    ParamValue v = spec.load(in);
    // An unset optional string prints as NULL, as OpenPV writes it, so the file reads back to the same meaning.
    if (v.kind() == ParamValue::Kind::String && v.as_string().empty() && !spec.required &&
        spec.default_value.is_nil()) {
      v = ParamValue::nil();
    }
    group.entries.push_back(ParamEntry{spec.key, std::move(v), {}});
  }
  return group;
}

std::vector<KeyReference> ParamSchema::reference() const {
  std::vector<KeyReference> rows;
  for (const auto& s : specs_) {
    KeyReference r;
    r.key = s.key;
    r.kind = s.integer ? "integer" : ParamValue::kind_name(s.kind);
    r.default_text = s.required ? "required" : s.derive ? s.default_text : s.default_value.to_params_text();
    for (const auto& a : s.allowed)
      if (!a.empty()) r.allowed.push_back(a);
    r.aliases = s.aliases;
    r.doc = s.doc;
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string ParamSchema::describe() const {
  struct Row {
    std::string key, kind, def, doc;
  };
  std::vector<Row> rows;
  Row header{"key", "kind", "default", "description"};
  std::size_t w_key = header.key.size(), w_kind = header.kind.size(), w_def = header.def.size();
  for (const KeyReference& k : reference()) {
    Row r{k.key, k.kind, k.default_text, k.doc};
    if (!k.allowed.empty()) {
      std::string values;
      for (const auto& a : k.allowed) values += (values.empty() ? "" : ", ") + a;
      r.doc += (r.doc.empty() ? "" : " ") + std::string("(one of: ") + values + ")";
    }
    if (!k.aliases.empty()) {
      r.doc += r.doc.empty() ? "" : " ";
      r.doc += "(legacy name" + std::string(k.aliases.size() > 1 ? "s" : "") + ":";
      for (const auto& a : k.aliases) r.doc += " " + a;
      r.doc += ")";
    }
    w_key = std::max(w_key, r.key.size());
    w_kind = std::max(w_kind, r.kind.size());
    w_def = std::max(w_def, r.def.size());
    rows.push_back(std::move(r));
  }
  auto pad = [](const std::string& s, std::size_t w) { return s + std::string(w - s.size() + 2, ' '); };
  std::string out = type_name_ + "\n";
  if (!doc_.empty()) out += "  " + doc_ + "\n";
  out += "\n";
  auto line = [&](const Row& r) {
    std::string l = "  " + pad(r.key, w_key) + pad(r.kind, w_kind) + pad(r.def, w_def) + r.doc;
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
  return out;
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Optimal string alignment distance: edits are insert, delete, substitute and swap of neighbours.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string w = lower(word);
  std::size_t limit = std::max<std::size_t>(2, w.size() / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(w, lower(c));
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

namespace checks {

namespace {

// Applies a numeric test to a number or to every element of an array; other kinds are the binder's business.
Check numeric(std::function<bool(double)> ok, std::string message) {
  return [ok = std::move(ok), message = std::move(message)](const ParamValue& v) -> std::string {
    if (v.kind() == ParamValue::Kind::Number) return ok(v.as_number()) ? "" : message;
    if (v.kind() == ParamValue::Kind::Array) {
      for (double x : v.as_array()) {
        if (!ok(x)) return "element " + format_number(x) + " " + message;
      }
    }
    return "";
  };
}

}  // namespace

Check non_empty_path() {
  return [](const ParamValue& v) -> std::string {
    if (v.kind() == ParamValue::Kind::String && v.as_string().empty()) return "an empty path names no file or folder";
    return "";
  };
}

Check positive() {
  return numeric([](double x) { return x > 0; }, "must be positive");
}

Check non_negative() {
  return numeric([](double x) { return x >= 0; }, "must be zero or positive");
}

Check finite() {
  return numeric([](double x) { return std::isfinite(x); }, "must be finite");
}

Check at_least(double lo) {
  return numeric([lo](double x) { return x >= lo; }, "must be at least " + format_number(lo));
}

Check in_range(double lo, double hi) {
  return numeric([lo, hi](double x) { return x >= lo && x <= hi; },
                 "must be between " + format_number(lo) + " and " + format_number(hi));
}

Check integer() {
  return numeric([](double x) { return is_whole(x); }, "must be a whole number");
}

Check one_of(std::vector<std::string> allowed) {
  return [allowed = std::move(allowed)](const ParamValue& v) -> std::string {
    if (v.kind() != ParamValue::Kind::String) return "";
    if (std::find(allowed.begin(), allowed.end(), v.as_string()) != allowed.end()) return "";
    std::string message = "must be one of";
    for (std::size_t i = 0; i < allowed.size(); ++i) message += (i ? ", \"" : " \"") + allowed[i] + "\"";
    std::string hint = did_you_mean(v.as_string(), allowed);
    if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
    return message;
  };
}

Check power_of_two() {
  return numeric(
      [](double x) {
        if (!(x > 0) || !std::isfinite(x)) return false;
        int exponent = 0;
        return std::frexp(x, &exponent) == 0.5;
      },
      "must be a power of two (such as 0.25, 0.5, 1, 2, 4)");
}

}  // namespace checks

}  // namespace spv
