// A single parameter value as written in a params file: number (including +-infinity), bool, string, array, or nil.
#pragma once
#include <string>
#include <vector>

namespace spv {

class ParamValue {
 public:
  enum class Kind { Nil, Number, Bool, String, Array };

  ParamValue() = default;  // nil
  static ParamValue nil() { return {}; }
  static ParamValue number(double v);
  static ParamValue boolean(bool v);
  static ParamValue string(std::string v);
  static ParamValue array(std::vector<double> v);

  Kind kind() const { return kind_; }
  bool is_nil() const { return kind_ == Kind::Nil; }
  double as_number() const { return number_; }
  bool as_bool() const { return bool_; }
  const std::string& as_string() const { return string_; }
  const std::vector<double>& as_array() const { return array_; }

  static const char* kind_name(Kind k);
  bool operator==(const ParamValue& o) const;

  // Text of this value in OpenPV's .params syntax (NULL, true, infinity, "text", [1, 2]).
  std::string to_params_text() const;
  // Text of this value as a Lua expression (nil, true, math.huge, "text", {1, 2}).
  std::string to_lua_text() const;

 private:
  Kind kind_ = Kind::Nil;
  double number_ = 0.0;
  bool bool_ = false;
  std::string string_;
  std::vector<double> array_;
};

// Shortest decimal text that reads back to exactly the same double (so printed params rerun bit-for-bit).
std::string format_number(double v);

}  // namespace spv
