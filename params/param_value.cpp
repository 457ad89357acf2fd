#include "params/param_value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>

namespace spv {

ParamValue ParamValue::number(double v) {
  ParamValue p;
  p.kind_ = Kind::Number;
  p.number_ = v;
  return p;
}

ParamValue ParamValue::boolean(bool v) {
  ParamValue p;
  p.kind_ = Kind::Bool;
  p.bool_ = v;
  return p;
}

ParamValue ParamValue::string(std::string v) {
  ParamValue p;
  p.kind_ = Kind::String;
  p.string_ = std::move(v);
  return p;
}

ParamValue ParamValue::array(std::vector<double> v) {
  ParamValue p;
  p.kind_ = Kind::Array;
  p.array_ = std::move(v);
  return p;
}

const char* ParamValue::kind_name(Kind k) {
  switch (k) {
    case Kind::Nil: return "nil";
    case Kind::Number: return "number";
    case Kind::Bool: return "bool";
    case Kind::String: return "string";
    case Kind::Array: return "array";
  }
  return "unknown";
}

static bool same_number(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

bool ParamValue::operator==(const ParamValue& o) const {
  if (kind_ != o.kind_) return false;
  switch (kind_) {
    case Kind::Nil: return true;
    case Kind::Number: return same_number(number_, o.number_);
    case Kind::Bool: return bool_ == o.bool_;
    case Kind::String: return string_ == o.string_;
    case Kind::Array:
      if (array_.size() != o.array_.size()) return false;
      for (std::size_t i = 0; i < array_.size(); ++i) {
        if (!same_number(array_[i], o.array_[i])) return false;
      }
      return true;
  }
  return false;
}

// Both syntaxes share the escapes \" \\ \n \t \r and \ddd (decimal byte), which Lua and our .params parser read.
static std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03u", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

static std::string params_number(double v) {
  if (std::isinf(v)) return v > 0 ? "infinity" : "-infinity";
  return format_number(v);
}

static std::string lua_number(double v) {
  if (std::isinf(v)) return v > 0 ? "math.huge" : "-math.huge";
  if (std::isnan(v)) return "(0/0)";
  return format_number(v);
}

template <class F>
static std::string join_numbers(const std::vector<double>& values, F format) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += format(values[i]);
  }
  return out;
}

static std::string wrap(char open, const std::string& inside, char close) {
  std::string out(1, open);
  out += inside;
  out += close;
  return out;
}

std::string ParamValue::to_params_text() const {
  switch (kind_) {
    case Kind::Nil: return "NULL";
    case Kind::Number: return params_number(number_);
    case Kind::Bool: return bool_ ? "true" : "false";
    case Kind::String: return quote(string_);
    case Kind::Array: return wrap('[', join_numbers(array_, params_number), ']');
  }
  return "";
}

std::string ParamValue::to_lua_text() const {
  switch (kind_) {
    case Kind::Nil: return "nil";
    case Kind::Number: return lua_number(number_);
    case Kind::Bool: return bool_ ? "true" : "false";
    case Kind::String: return quote(string_);
    case Kind::Array: return wrap('{', join_numbers(array_, lua_number), '}');
  }
  return "";
}

static bool reads_back(const char* text, double v) {
  double back = 0.0;
  const char* end = text + std::strlen(text);
  auto [ptr, ec] = std::from_chars(text, end, back);
  return ec == std::errc() && ptr == end && back == v;
}

std::string format_number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  // Whole numbers below 1e15 are exact in a double and read best without an exponent (400, not 4e+02).
  if (v == std::trunc(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (reads_back(buf, v)) return buf;
  }
  return buf;
}

}  // namespace spv
