// Enumerated keys bound to an enum, derived defaults ("defaults to VThresh"), and rules on which keys were given:
// what binding stores, what the effective params print and what --describe lists.
#include <catch2/catch.hpp>
#include <limits>
#include <string>

#include "params/param_schema.hpp"

using namespace spv;

namespace {

enum class Mode { Off, Fast, Exact };

struct ChoiceParams {
  Mode mode = Mode::Off;
  Mode optional_mode = Mode::Off;
  double vthresh = 0, amin = 0;
  bool plastic = false;
  double rate = 0;
};

const ParamSchema& choice_schema() {
  static const ParamSchema schema = [] {
    ParamSchema s("ChoiceType", "A type declared for the tests.");
    SchemaBuilder<ChoiceParams> b(s);
    b.choice("mode", &ChoiceParams::mode, Mode::Fast,
             {{"off", Mode::Off}, {"fast", Mode::Fast}, {"quick", Mode::Fast}, {"exact", Mode::Exact}}, "how to run")
        .choice("optionalMode", &ChoiceParams::optional_mode, Mode::Off,
                {{"", Mode::Off}, {"fast", Mode::Fast}, {"exact", Mode::Exact}}, "NULL means off")
        .key("VThresh", &ChoiceParams::vthresh, -std::numeric_limits<double>::infinity(), "threshold")
        .derived_key(
            "AMin", &ChoiceParams::amin, "VThresh", [](const ChoiceParams& p) { return p.vthresh; },
            "activity below threshold")
        .key("plasticityFlag", &ChoiceParams::plastic, false, "learn")
        .key("dWMax", &ChoiceParams::rate, 1.0, "learning rate");
    b.cross_check([](const ChoiceParams& p, const BindResult& given) -> std::pair<std::string, std::string> {
      if (p.plastic && !given.has("dWMax")) return {"dWMax", "is required when plasticityFlag is true"};
      return {"", ""};
    });
    return s;
  }();
  return schema;
}

ParamGroup group(std::vector<std::pair<std::string, ParamValue>> entries) {
  ParamGroup g;
  g.type = "ChoiceType";
  g.name = "thing";
  g.where = {"net.params", 3};
  int line = 4;
  for (auto& [k, v] : entries) g.entries.push_back(ParamEntry{k, v, {"net.params", line++}});
  return g;
}

ChoiceParams bind(const ParamGroup& g) {
  ChoiceParams p;
  choice_schema().bind(g, &p);
  return p;
}

std::string bind_error(const ParamGroup& g) {
  ChoiceParams p;
  try {
    choice_schema().bind(g, &p);
  } catch (const ParamError& e) {
    return e.what();
  }
  FAIL("bind did not throw");
  return "";
}

// The value the effective params print for key (fails the test when the key is missing).
ParamValue effective(const ChoiceParams& p, const std::string& key) {
  for (const auto& e : choice_schema().unbind(&p, "thing").entries)
    if (e.key == key) return e.value;
  FAIL("no effective value for " + key);
  return ParamValue::nil();
}

}  // namespace

TEST_CASE("an enumerated key stores the enum of its spelling, aliases included", "[params][schema]") {
  CHECK(bind(group({})).mode == Mode::Fast);
  CHECK(bind(group({{"mode", ParamValue::string("exact")}})).mode == Mode::Exact);
  CHECK(bind(group({{"mode", ParamValue::string("off")}})).mode == Mode::Off);
  CHECK(bind(group({{"mode", ParamValue::string("quick")}})).mode == Mode::Fast);
  // The effective params print the first spelling of the value.
  CHECK(effective(bind(group({{"mode", ParamValue::string("quick")}})), "mode").as_string() == "fast");
}

TEST_CASE("an enumerated key refuses other spellings, listing the allowed ones with a did-you-mean",
          "[params][schema]") {
  const std::string e = bind_error(group({{"mode", ParamValue::string("exakt")}}));
  CHECK_THAT(e, Catch::Contains("net.params:4") && Catch::Contains("thing") && Catch::Contains("mode"));
  CHECK_THAT(e, Catch::Contains("\"off\", \"fast\", \"quick\", \"exact\""));
  CHECK_THAT(e, Catch::Contains("did you mean \"exact\""));
  CHECK_THAT(bind_error(group({{"mode", ParamValue::number(1)}})), Catch::Contains("expected a string"));
}

TEST_CASE("an enumerated key with a NULL spelling takes NULL and prints it back as NULL", "[params][schema]") {
  CHECK(bind(group({})).optional_mode == Mode::Off);
  CHECK(bind(group({{"optionalMode", ParamValue::nil()}})).optional_mode == Mode::Off);
  CHECK(bind(group({{"optionalMode", ParamValue::string("exact")}})).optional_mode == Mode::Exact);
  CHECK(effective(bind(group({})), "optionalMode").is_nil());
}

TEST_CASE("a derived default follows the key it derives from unless the file gives it", "[params][schema]") {
  CHECK(bind(group({{"VThresh", ParamValue::number(0.25)}})).amin == 0.25);
  CHECK(bind(group({})).amin == -std::numeric_limits<double>::infinity());
  CHECK(bind(group({{"VThresh", ParamValue::number(0.25)}, {"AMin", ParamValue::number(0)}})).amin == 0.0);
  // Order in the file does not matter: the derived default is applied after every given value.
  CHECK(bind(group({{"AMin", ParamValue::number(-1)}, {"VThresh", ParamValue::number(2)}})).amin == -1.0);
}

TEST_CASE("a rule may depend on whether a key was written", "[params][schema]") {
  CHECK_THAT(bind_error(group({{"plasticityFlag", ParamValue::boolean(true)}})),
             Catch::Contains("dWMax") && Catch::Contains("required when plasticityFlag is true"));
  CHECK(bind(group({{"plasticityFlag", ParamValue::boolean(true)}, {"dWMax", ParamValue::number(1)}})).rate == 1.0);
}

TEST_CASE("describe lists the allowed values of an enumerated key and the true default of a derived one",
          "[params][schema]") {
  const std::string d = choice_schema().describe();
  auto row = [&](const std::string& key) {
    std::size_t at = d.find("\n  " + key + " ");
    REQUIRE(at != std::string::npos);
    return d.substr(at + 1, d.find('\n', at + 1) - at - 1);
  };
  CHECK_THAT(row("mode"), Catch::Contains("fast") && Catch::Contains("(one of: off, fast, quick, exact)"));
  CHECK_THAT(row("optionalMode"), Catch::Contains("NULL") && Catch::Contains("(one of: fast, exact)"));
  // The default column holds the derived default itself, said once.
  CHECK_THAT(row("AMin"), Catch::Matches("  AMin +number +VThresh +activity below threshold"));
  CHECK_THAT(row("AMin"), !Catch::Contains("-infinity"));
}
