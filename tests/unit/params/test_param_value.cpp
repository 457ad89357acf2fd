#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "params/param_group.hpp"
#include "params/param_value.hpp"

using namespace spv;

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();

double read_back(const std::string& text) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  REQUIRE(ec == std::errc());
  REQUIRE(ptr == text.data() + text.size());
  return v;
}
}  // namespace

TEST_CASE("factories set the kind and the value", "[params][value]") {
  CHECK(ParamValue().is_nil());
  CHECK(ParamValue::nil().kind() == ParamValue::Kind::Nil);
  CHECK(ParamValue::number(2.5).as_number() == 2.5);
  CHECK(ParamValue::boolean(true).as_bool());
  CHECK(ParamValue::string("abc").as_string() == "abc");
  CHECK(ParamValue::array({1, 2}).as_array() == std::vector<double>{1, 2});
  CHECK(std::string(ParamValue::kind_name(ParamValue::Kind::Array)) == "array");
  CHECK(std::string(ParamValue::kind_name(ParamValue::Kind::Bool)) == "bool");
}

TEST_CASE("equality compares kind and value", "[params][value]") {
  CHECK(ParamValue::number(1) == ParamValue::number(1));
  CHECK_FALSE(ParamValue::number(1) == ParamValue::boolean(true));
  CHECK_FALSE(ParamValue::number(0.1) == ParamValue::number(0.1 + 1e-17 * 100));
  CHECK(ParamValue::string("a") == ParamValue::string("a"));
  CHECK_FALSE(ParamValue::string("") == ParamValue::nil());
  CHECK(ParamValue::array({}) == ParamValue::array({}));
  CHECK_FALSE(ParamValue::array({1}) == ParamValue::array({1, 2}));
  CHECK(ParamValue::nil() == ParamValue::nil());
}

TEST_CASE("format_number prints the shortest text that reads back exactly", "[params][value]") {
  CHECK(format_number(400) == "400");
  CHECK(format_number(-4) == "-4");
  CHECK(format_number(0) == "0");
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(1e-3) == "0.001");
  CHECK(format_number(2.5e-7) == "2.5e-07");
  CHECK(format_number(1.0 / 3.0) == "0.3333333333333333");
  CHECK(format_number(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_number(1e20) == "1e+20");
  CHECK(format_number(123456789012.0) == "123456789012");

  std::mt19937_64 rng(12345);
  for (int i = 0; i < 2000; ++i) {
    std::uint64_t bits = rng();
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    INFO(bits);
    CHECK(read_back(format_number(v)) == v);
  }
  for (double v : {5e-324, 1.7976931348623157e308, -0.5, 0.3f * 1.0, 1e15, 1e15 + 1})
    CHECK(read_back(format_number(v)) == v);
}

TEST_CASE("values print in OpenPV .params syntax", "[params][value]") {
  CHECK(ParamValue::nil().to_params_text() == "NULL");
  CHECK(ParamValue::boolean(false).to_params_text() == "false");
  CHECK(ParamValue::number(inf).to_params_text() == "infinity");
  CHECK(ParamValue::number(-inf).to_params_text() == "-infinity");
  CHECK(ParamValue::number(0.1).to_params_text() == "0.1");
  CHECK(ParamValue::string("a \"b\" \\c").to_params_text() == R"("a \"b\" \\c")");
  CHECK(ParamValue::string("tab\there\n").to_params_text() == R"("tab\there\n")");
  CHECK(ParamValue::string(std::string("\x01", 1)).to_params_text() == R"("\001")");
  CHECK(ParamValue::array({1, 2.5, -inf}).to_params_text() == "[1, 2.5, -infinity]");
  CHECK(ParamValue::array({}).to_params_text() == "[]");
}

TEST_CASE("values print as Lua expressions", "[params][value]") {
  CHECK(ParamValue::nil().to_lua_text() == "nil");
  CHECK(ParamValue::boolean(true).to_lua_text() == "true");
  CHECK(ParamValue::number(inf).to_lua_text() == "math.huge");
  CHECK(ParamValue::number(-inf).to_lua_text() == "-math.huge");
  CHECK(ParamValue::number(400).to_lua_text() == "400");
  CHECK(ParamValue::string("say \"hi\"").to_lua_text() == R"("say \"hi\"")");
  CHECK(ParamValue::array({1, 2.5}).to_lua_text() == "{1, 2.5}");
  CHECK(ParamValue::array({inf}).to_lua_text() == "{math.huge}");
  CHECK(ParamValue::array({}).to_lua_text() == "{}");
}

TEST_CASE("groups find, set and locate their entries", "[params][group]") {
  ParamGroup g;
  g.name = "lca";
  g.where = {"net.params", 4};
  g.set("nf", ParamValue::number(1), {"net.params", 5});
  g.set("dt", ParamValue::number(2), {"net.params", 6});
  g.set("nf", ParamValue::number(3), {"net.params", 7});
  REQUIRE(g.entries.size() == 2);
  CHECK(g.entries[0].key == "nf");
  CHECK(g.find("nf")->value == ParamValue::number(3));
  CHECK(g.location_of("nf").line == 7);
  CHECK(g.location_of("missing").line == 4);
  CHECK(g.find("missing") == nullptr);

  ParamDocument doc;
  doc.groups.push_back(g);
  CHECK(doc.find("lca") != nullptr);
  CHECK(doc.find("other") == nullptr);
  doc.find("lca")->type = "HyPerLCALayer";
  CHECK(static_cast<const ParamDocument&>(doc).find("lca")->type == "HyPerLCALayer");
  CHECK(is_sweep_type("ParameterSweep"));
  CHECK(is_sweep_type("BatchSweep"));
  CHECK_FALSE(is_sweep_type("HyPerCol"));
}
