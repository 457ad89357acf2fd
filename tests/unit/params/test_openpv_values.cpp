// OpenPV's value rules as its own files use them: true/false where a number is expected, enumeration spellings in
// any case, and NaN refused naming the key.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "params/openpv_keys.hpp"
#include "params/param_schema.hpp"

using namespace spv;

namespace {

enum class Method { Bicubic, NearestNeighbor };

struct ValueParams {
  double padValue = -1;
  int count = -1;
  Method method = Method::Bicubic;
  std::vector<double> coefficients;
};

const ParamSchema& value_schema() {
  static const ParamSchema schema = [] {
    ParamSchema s("ValueType", "A type declared for the tests.");
    SchemaBuilder<ValueParams>(s)
        .key("padValue", &ValueParams::padValue, 0.0, "a number")
        .key("count", &ValueParams::count, 0, "a whole number")
        .choice("interpolationMethod", &ValueParams::method, Method::Bicubic,
                {{"bicubic", Method::Bicubic}, {"nearestNeighbor", Method::NearestNeighbor}}, "resampling")
        .key("coefficients", &ValueParams::coefficients, std::vector<double>{}, "an array");
    return s;
  }();
  return schema;
}

ParamGroup group(const std::string& key, ParamValue v) {
  ParamGroup g;
  g.type = "ValueType";
  g.name = "thing";
  g.where = {"net.params", 3};
  g.entries.push_back(ParamEntry{key, std::move(v), {"net.params", 7}});
  return g;
}

ValueParams bind(const std::string& key, ParamValue v) {
  ValueParams p;
  value_schema().bind(group(key, std::move(v)), &p);
  return p;
}

}  // namespace

TEST_CASE("true and false read as 1 and 0 where a number is expected", "[params][openpv]") {
  CHECK(bind("padValue", ParamValue::boolean(false)).padValue == 0.0);
  CHECK(bind("padValue", ParamValue::boolean(true)).padValue == 1.0);
  CHECK(bind("count", ParamValue::boolean(true)).count == 1);
}

TEST_CASE("enumeration spellings match in any case and print in the declared spelling", "[params][openpv]") {
  ValueParams p;
  const ParamGroup g = group("interpolationMethod", ParamValue::string("nearestneighbor"));
  value_schema().bind(g, &p);
  CHECK(p.method == Method::NearestNeighbor);
  const ParamGroup out = value_schema().unbind(&p, "thing");
  const ParamEntry* e = out.find("interpolationMethod");
  REQUIRE(e != nullptr);
  CHECK(e->value.as_string() == "nearestNeighbor");
  CHECK(bind("interpolationMethod", ParamValue::string("BICUBIC")).method == Method::Bicubic);
  CHECK_THROWS_WITH(bind("interpolationMethod", ParamValue::string("bicubik")), Catch::Contains("did you mean"));
}

TEST_CASE("NaN is refused naming the file, line, group and key", "[params][openpv]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(bind("padValue", ParamValue::number(nan)),
                    Catch::Contains("net.params:7") && Catch::Contains("thing") && Catch::Contains("padValue") &&
                        Catch::Contains("not a number"));
  CHECK_THROWS_WITH(bind("coefficients", ParamValue::array({1.0, nan})), Catch::Contains("not a number"));
  // Infinity stays a meaningful value (VThresh = -infinity is the usual "no threshold").
  CHECK(std::isinf(bind("padValue", ParamValue::number(std::numeric_limits<double>::infinity())).padValue));
}

TEST_CASE("A numeric neutral value stands for an array of that value", "[params][openpv]") {
  const std::vector<std::string> zero{"0"};
  CHECK(is_neutral_value(ParamValue::array({0.0}), zero));
  CHECK(is_neutral_value(ParamValue::array({0.0, 0.0}), zero));
  CHECK_FALSE(is_neutral_value(ParamValue::array({0.0, 1.0}), zero));
  CHECK_FALSE(is_neutral_value(ParamValue::array({}), zero));
  CHECK(is_neutral_value(ParamValue::array({}), {"[]"}));
  CHECK(is_neutral_value(ParamValue::number(0), zero));
}
