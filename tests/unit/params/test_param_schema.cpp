#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "params/param_schema.hpp"

using namespace spv;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

struct DemoParams {
  double tau = 0;
  int nf = 0;
  bool self_interact = false;
  std::string trigger;
  std::string method;
  std::vector<double> delay;
  double scale = 0;
  float vthresh = 0;
  double amin = 0;
};

const ParamSchema& demo_schema() {
  static const ParamSchema schema = [] {
    ParamSchema s("DemoLayer", "A layer type declared for the tests.");
    SchemaBuilder<DemoParams>(s)
        .key("timeConstantTau", &DemoParams::tau, 5.0, "LCA time constant", {checks::positive()})
        .key("nf", &DemoParams::nf, Required, "number of features", {checks::at_least(1)})
        .key("selfInteract", &DemoParams::self_interact, true, "add A back into V")
        .key("triggerLayerName", &DemoParams::trigger, Nil, "layer whose updates trigger this one")
        .key("method", &DemoParams::method, "convolve", "accumulation",
             {checks::one_of({"convolve", "stochastic", "maxpooling"})})
        .key("delay", &DemoParams::delay, std::vector<double>{0.0}, "delays per arbor", {checks::non_negative()})
        .key("nxScale", &DemoParams::scale, 1.0, "size relative to the column", {checks::power_of_two()})
        .key("VThresh", &DemoParams::vthresh, -inf, "threshold")
        .key("AMin", &DemoParams::amin, -inf, "activity below threshold")
        .alias("timeConstantTau", "tau")
        .cross_check([](const DemoParams& p) -> std::pair<std::string, std::string> {
          if (p.amin > p.vthresh) return {"AMin", "must not exceed VThresh"};
          return {"", ""};
        });
    return s;
  }();
  return schema;
}

// A group written at net.params:10 whose entries sit on the following lines.
ParamGroup group(std::vector<std::pair<std::string, ParamValue>> entries) {
  ParamGroup g;
  g.type = "DemoLayer";
  g.name = "lca";
  g.where = {"net.params", 10};
  int line = 11;
  for (auto& [k, v] : entries) g.entries.push_back(ParamEntry{k, v, {"net.params", line++}});
  return g;
}

ParamValue num(double v) { return ParamValue::number(v); }
ParamValue str(const std::string& s) { return ParamValue::string(s); }

// The ParamError that binding g throws (fails the test when it does not throw).
ParamError bind_error(const ParamGroup& g) {
  DemoParams p;
  try {
    demo_schema().bind(g, &p);
  } catch (const ParamError& e) {
    return e;
  }
  FAIL("bind did not throw");
  return ParamError({}, "", "", "");
}

// The line of a describe() table that starts with key.
std::string row(const std::string& table, const std::string& key) {
  std::size_t at = table.find("\n  " + key + " ");
  if (at == std::string::npos) return "";
  std::size_t end = table.find('\n', at + 1);
  return table.substr(at + 1, end - at - 1);
}

}  // namespace

TEST_CASE("absent keys get their defaults and only given keys are recorded", "[params][schema]") {
  DemoParams p;
  BindResult r = demo_schema().bind(group({{"nf", num(4)}}), &p);
  CHECK(p.nf == 4);
  CHECK(p.tau == 5.0);
  CHECK(p.self_interact);
  CHECK(p.trigger.empty());
  CHECK(p.method == "convolve");
  CHECK(p.delay == std::vector<double>{0.0});
  CHECK(p.scale == 1.0);
  CHECK(std::isinf(p.vthresh));
  CHECK(p.vthresh < 0);
  CHECK(r.given == std::set<std::string>{"nf"});
  CHECK(r.has("nf"));
  CHECK_FALSE(r.has("timeConstantTau"));
  CHECK(r.warnings.empty());
}

TEST_CASE("given values are stored with their member types", "[params][schema]") {
  DemoParams p;
  BindResult r = demo_schema().bind(group({{"groupType", str("DemoLayer")},
                                           {"name", str("lca")},
                                           {"nf", num(16)},
                                           {"timeConstantTau", num(100)},
                                           {"selfInteract", ParamValue::boolean(false)},
                                           {"triggerLayerName", str("input")},
                                           {"method", str("stochastic")},
                                           {"delay", ParamValue::array({0, 2})},
                                           {"nxScale", num(0.25)},
                                           {"VThresh", num(0.1)},
                                           {"AMin", num(0)}}),
                                    &p);
  CHECK(p.nf == 16);
  CHECK(p.tau == 100);
  CHECK_FALSE(p.self_interact);
  CHECK(p.trigger == "input");
  CHECK(p.method == "stochastic");
  CHECK(p.delay == std::vector<double>{0, 2});
  CHECK(p.scale == 0.25);
  CHECK(p.vthresh == 0.1f);
  CHECK(r.given.size() == 9);
  CHECK_FALSE(r.has("groupType"));
}

TEST_CASE("a missing required key is an error at the group", "[params][schema]") {
  ParamError e = bind_error(group({{"timeConstantTau", num(3)}}));
  CHECK(e.key() == "nf");
  CHECK(e.group() == "lca");
  CHECK(e.where().line == 10);
  CHECK(e.message() == "required parameter is missing");
  CHECK(std::string(e.what()) == "net.params:10: group \"lca\", key \"nf\": required parameter is missing");
}

TEST_CASE("a value of the wrong kind names what was expected and what was given", "[params][schema]") {
  ParamError e = bind_error(group({{"nf", num(1)}, {"timeConstantTau", str("abc")}}));
  CHECK(e.key() == "timeConstantTau");
  CHECK(e.where().line == 12);
  CHECK(e.message() == "expected a number, got a string (\"abc\")");

  CHECK(bind_error(group({{"nf", num(1)}, {"method", num(3)}})).message() == "expected a string, got a number (3)");
  CHECK(bind_error(group({{"nf", num(1)}, {"delay", str("x")}})).message() ==
        "expected a number or an array of numbers, got a string (\"x\")");
}

TEST_CASE("integer members need whole values within their range", "[params][schema]") {
  CHECK(bind_error(group({{"nf", num(2.5)}})).message() == "expected a whole number, got a number (2.5)");
  CHECK(bind_error(group({{"nf", num(inf)}})).message() == "expected a whole number, got a number (infinity)");
  std::string big = bind_error(group({{"nf", num(1e10)}})).message();
  CHECK_THAT(big, Catch::Contains("out of range"));
  DemoParams p;
  demo_schema().bind(group({{"nf", num(2147483647)}}), &p);
  CHECK(p.nf == 2147483647);
}

TEST_CASE("bool members accept true/false and OpenPV's 0/1", "[params][schema]") {
  DemoParams p;
  demo_schema().bind(group({{"nf", num(1)}, {"selfInteract", num(0)}}), &p);
  CHECK_FALSE(p.self_interact);
  demo_schema().bind(group({{"nf", num(1)}, {"selfInteract", num(1)}}), &p);
  CHECK(p.self_interact);
  CHECK(bind_error(group({{"nf", num(1)}, {"selfInteract", num(2)}})).message() ==
        "expected true or false, got a number (2)");
  CHECK(bind_error(group({{"nf", num(1)}, {"selfInteract", str("yes")}})).message() ==
        "expected true or false, got a string (\"yes\")");
}

TEST_CASE("NULL is accepted only for strings whose default is NULL", "[params][schema]") {
  DemoParams p;
  p.trigger = "stale";
  demo_schema().bind(group({{"nf", num(1)}, {"triggerLayerName", ParamValue::nil()}}), &p);
  CHECK(p.trigger.empty());
  CHECK(bind_error(group({{"nf", num(1)}, {"method", ParamValue::nil()}})).message() == "expected a string, got NULL");
  CHECK(bind_error(group({{"nf", ParamValue::nil()}})).message() == "expected a whole number, got NULL");
}

TEST_CASE("an array member accepts a single number as a one-element array", "[params][schema]") {
  DemoParams p;
  demo_schema().bind(group({{"nf", num(1)}, {"delay", num(3)}}), &p);
  CHECK(p.delay == std::vector<double>{3});
  demo_schema().bind(group({{"nf", num(1)}, {"delay", ParamValue::array({})}}), &p);
  CHECK(p.delay.empty());
}

TEST_CASE("checks reject bad values with the value and the rule", "[params][schema]") {
  ParamError e = bind_error(group({{"nf", num(1)}, {"timeConstantTau", num(0)}}));
  CHECK(e.key() == "timeConstantTau");
  CHECK(e.where().line == 12);
  CHECK(e.message() == "value 0 is invalid: must be positive");

  CHECK(bind_error(group({{"nf", num(0)}})).message() == "value 0 is invalid: must be at least 1");
  CHECK(bind_error(group({{"nf", num(1)}, {"delay", ParamValue::array({1, -2})}})).message() ==
        "value [1, -2] is invalid: element -2 must be zero or positive");
  CHECK_THAT(bind_error(group({{"nf", num(1)}, {"nxScale", num(3)}})).message(),
             Catch::StartsWith("value 3 is invalid: must be a power of two"));

  std::string m = bind_error(group({{"nf", num(1)}, {"method", str("convolv")}})).message();
  CHECK_THAT(m, Catch::StartsWith("value \"convolv\" is invalid: must be one of \"convolve\", \"stochastic\", "
                                  "\"maxpooling\""));
  CHECK_THAT(m, Catch::EndsWith("did you mean \"convolve\"?"));
}

TEST_CASE("each check accepts and rejects the right values", "[params][schema]") {
  auto ok = [](const Check& c, ParamValue v) { return c(v).empty(); };
  CHECK(ok(checks::positive(), num(1e-9)));
  CHECK_FALSE(ok(checks::positive(), num(-1)));
  CHECK(ok(checks::non_negative(), num(0)));
  CHECK_FALSE(ok(checks::non_negative(), num(-1e-9)));
  CHECK(ok(checks::at_least(2), num(2)));
  CHECK_FALSE(ok(checks::at_least(2), num(1.5)));
  CHECK(ok(checks::in_range(0, 1), num(0)));
  CHECK(ok(checks::in_range(0, 1), num(1)));
  CHECK_FALSE(ok(checks::in_range(0, 1), num(1.01)));
  CHECK(checks::in_range(0, 1)(num(2)) == "must be between 0 and 1");
  CHECK(ok(checks::integer(), num(-3)));
  CHECK_FALSE(ok(checks::integer(), num(0.5)));
  for (double x : {0.125, 0.5, 1.0, 2.0, 64.0}) CHECK(ok(checks::power_of_two(), num(x)));
  for (double x : {0.0, -2.0, 0.3, 3.0, 6.0, inf}) CHECK_FALSE(ok(checks::power_of_two(), num(x)));
  CHECK(ok(checks::one_of({"a", "b"}), str("b")));
  CHECK(checks::one_of({"alpha", "beta"})(str("zzzzzz")) == "must be one of \"alpha\", \"beta\"");
}

TEST_CASE("a legacy name binds with a warning; giving both names is an error", "[params][schema]") {
  DemoParams p;
  BindResult r = demo_schema().bind(group({{"nf", num(1)}, {"tau", num(7)}}), &p);
  CHECK(p.tau == 7);
  CHECK(r.has("timeConstantTau"));
  CHECK_FALSE(r.has("tau"));
  REQUIRE(r.warnings.size() == 1);
  CHECK_THAT(r.warnings[0], Catch::Contains("key tau is a legacy name for timeConstantTau"));
  CHECK_THAT(r.warnings[0], Catch::StartsWith("net.params:12"));

  ParamError e = bind_error(group({{"nf", num(1)}, {"timeConstantTau", num(7)}, {"tau", num(8)}}));
  CHECK(e.key() == "tau");
  CHECK(e.where().line == 13);
  CHECK_THAT(e.message(), Catch::Contains("given twice"));
}

TEST_CASE("an unknown key is an error with the closest known key", "[params][schema]") {
  ParamError e = bind_error(group({{"nf", num(1)}, {"timeConstantTua", num(7)}}));
  CHECK(e.key() == "timeConstantTua");
  CHECK(e.where().line == 12);
  CHECK(e.message() == "unknown parameter for DemoLayer; did you mean \"timeConstantTau\"?");

  std::string far = bind_error(group({{"nf", num(1)}, {"qqqqqqqq", num(7)}})).message();
  CHECK_THAT(far, Catch::StartsWith("unknown parameter for DemoLayer"));
  CHECK_THAT(far, !Catch::Contains("did you mean"));

  CHECK_THAT(bind_error(group({{"nf", num(1)}, {"tua", num(7)}})).message(),
             Catch::EndsWith("did you mean \"timeConstantTau\"?"));
}

TEST_CASE("cross checks run on the bound values and point at the key", "[params][schema]") {
  ParamError e = bind_error(group({{"nf", num(1)}, {"VThresh", num(0.5)}, {"AMin", num(1)}}));
  CHECK(e.key() == "AMin");
  CHECK(e.where().line == 13);
  CHECK(e.message() == "must not exceed VThresh");

  // AMin takes its default, so the error can only point at the group.
  ParamSchema s("Crossed", "");
  SchemaBuilder<DemoParams>(s)
      .key("nf", &DemoParams::nf, 1, "")
      .key("AMin", &DemoParams::amin, 5.0, "")
      .cross_check([](const DemoParams& p) -> std::pair<std::string, std::string> {
        if (p.amin > p.nf) return {"AMin", "must not exceed nf"};
        return {"", ""};
      });
  DemoParams p;
  ParamGroup g = group({{"nf", num(2)}});
  try {
    s.bind(g, &p);
    FAIL("no error");
  } catch (const ParamError& err) {
    CHECK(err.where().line == 10);
    CHECK(err.key() == "AMin");
  }
}

TEST_CASE("unbind lists effective values in declaration order", "[params][schema]") {
  DemoParams p;
  demo_schema().bind(group({{"nf", num(8)}, {"delay", ParamValue::array({1, 2})}}), &p);
  ParamGroup g = demo_schema().unbind(&p, "lca");
  CHECK(g.type == "DemoLayer");
  CHECK(g.name == "lca");
  std::vector<std::string> keys;
  for (const auto& e : g.entries) keys.push_back(e.key);
  CHECK(keys == std::vector<std::string>{"timeConstantTau", "nf", "selfInteract", "triggerLayerName", "method", "delay",
                                         "nxScale", "VThresh", "AMin"});
  CHECK(g.find("nf")->value == num(8));
  CHECK(g.find("selfInteract")->value == ParamValue::boolean(true));
  CHECK(g.find("triggerLayerName")->value.is_nil());
  CHECK(g.find("method")->value == str("convolve"));
  CHECK(g.find("delay")->value == ParamValue::array({1, 2}));
  CHECK(g.find("VThresh")->value == num(-inf));

  // Binding the unbound group gives the same parameters back.
  DemoParams q;
  demo_schema().bind(g, &q);
  CHECK(q.nf == 8);
  CHECK(q.delay == p.delay);
  CHECK(q.trigger.empty());
}

TEST_CASE("describe lists every key with kind, default and doc", "[params][schema]") {
  std::string d = demo_schema().describe();
  CHECK_THAT(d, Catch::StartsWith("DemoLayer\n"));
  CHECK_THAT(d, Catch::Contains("A layer type declared for the tests."));
  CHECK_THAT(row(d, "timeConstantTau"),
             Catch::Matches(R"(  timeConstantTau +number +5 +LCA time constant \(legacy name: tau\))"));
  CHECK_THAT(row(d, "nf"), Catch::Matches(R"(  nf +integer +required +number of features)"));
  CHECK_THAT(row(d, "triggerLayerName"), Catch::Matches(R"(  triggerLayerName +string +NULL +layer whose .*)"));
  CHECK_THAT(row(d, "VThresh"), Catch::Matches(R"(  VThresh +number +-infinity +threshold)"));
  CHECK_THAT(row(d, "method"), Catch::Matches(R"(  method +string +"convolve" +accumulation)"));
  CHECK_THAT(row(d, "key"), Catch::Matches(R"(  key +kind +default +description)"));
}

TEST_CASE("did_you_mean finds close names, ignoring case", "[params][schema]") {
  std::vector<std::string> keys = {"nxScale", "nyScale", "timeConstantTau", "VThresh", "AMin"};
  CHECK(did_you_mean("NXSCALE", keys) == "nxScale");
  CHECK(did_you_mean("nxScael", keys) == "nxScale");
  CHECK(did_you_mean("vthres", keys) == "VThresh");
  CHECK(did_you_mean("timeConstantTu", keys) == "timeConstantTau");
  CHECK(did_you_mean("AMn", keys) == "AMin");
  CHECK(did_you_mean("weightInitType", keys).empty());
  CHECK(did_you_mean("x", {}).empty());
}

TEST_CASE("a schema refuses duplicate keys and aliases", "[params][schema]") {
  ParamSchema s("T", "");
  SchemaBuilder<DemoParams>(s).key("nf", &DemoParams::nf, 1, "");
  CHECK_THROWS_AS(SchemaBuilder<DemoParams>(s).key("nf", &DemoParams::nf, 1, ""), ParamError);
  CHECK_THROWS_AS(s.add_alias("nf", "nf"), ParamError);
  CHECK_THROWS_AS(s.add_alias("missing", "x"), ParamError);
  s.add_alias("nf", "numFeatures");
  CHECK(s.find("numFeatures") == s.find("nf"));
  CHECK(s.find("other") == nullptr);
}
