#include <catch2/catch.hpp>
#include <filesystem>
#include <limits>

#include "params/legacy_params_parser.hpp"
#include "params/params_writer.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// The ParamError that parsing text throws.
ParamError parse_error(const std::string& text) {
  try {
    parse_params_text(text, "bad.params");
  } catch (const ParamError& e) {
    return e;
  }
  FAIL("parse did not throw");
  return ParamError({}, "", "", "");
}

const char* tutorial = R"(// A piece of OpenPV's LCA tutorial.
debugParsing = false;

HyPerCol "column" = {
    dt = 1;
    stopTime = 400;
    nx = 32; ny = 32;
    outputPath = "output/";
    randomSeed = 1234567890;
    errorOnNotANumber = true;
    checkpointWriteDir = NULL;
};

/* the LCA layer,
   written over several lines */
HyPerLCALayer "V1" = {
    nxScale = 0.5;
    timeConstantTau = 1e2;
    VThresh = 0.025;
    AMax = infinity;
    AMin = -infinity;
    VWidth = -4;
    selfInteract = true;
};

HyPerConn "V1ToError" = {
    preLayerName = "V1";
    delay = [0.000000, 2.5, infinity];
    wMinInit = -1.; wMaxInit = .5;
    empty = [];
};
)";

}  // namespace

TEST_CASE("the legacy parser reads groups, keys and every kind of value", "[params][legacy]") {
  ParamDocument doc = parse_params_text(tutorial, "tutorial.params");
  CHECK(doc.path == "tutorial.params");
  REQUIRE(doc.groups.size() == 3);
  const ParamGroup& col = doc.groups[0];
  CHECK(col.type == "HyPerCol");
  CHECK(col.name == "column");
  CHECK(col.where.file == "tutorial.params");
  CHECK(col.where.line == 4);
  CHECK(col.find("stopTime")->value == ParamValue::number(400));
  CHECK(col.find("ny")->value == ParamValue::number(32));
  CHECK(col.find("ny")->where.line == 7);
  CHECK(col.find("outputPath")->value == ParamValue::string("output/"));
  CHECK(col.find("errorOnNotANumber")->value == ParamValue::boolean(true));
  CHECK(col.find("checkpointWriteDir")->value.is_nil());
  CHECK(col.find("checkpointWriteDir")->where.line == 11);

  const ParamGroup& v1 = doc.groups[1];
  CHECK(v1.type == "HyPerLCALayer");
  CHECK(v1.where.line == 16);
  CHECK(v1.entries[0].key == "nxScale");
  CHECK(v1.find("timeConstantTau")->value == ParamValue::number(100));
  CHECK(v1.find("AMax")->value == ParamValue::number(inf));
  CHECK(v1.find("AMin")->value == ParamValue::number(-inf));
  CHECK(v1.find("VWidth")->value == ParamValue::number(-4));
  CHECK(v1.find("VThresh")->value == ParamValue::number(0.025));

  const ParamGroup& conn = doc.groups[2];
  CHECK(conn.find("delay")->value == ParamValue::array({0, 2.5, inf}));
  CHECK(conn.find("wMinInit")->value == ParamValue::number(-1));
  CHECK(conn.find("wMaxInit")->value == ParamValue::number(0.5));
  CHECK(conn.find("wMaxInit")->where.line == 29);
  CHECK(conn.find("empty")->value == ParamValue::array({}));
}

TEST_CASE("a byte-order mark and CRLF line ends are accepted", "[params][legacy]") {
  ParamDocument doc = parse_params_text("\xEF\xBB\xBF" "A \"c\" = {\r\n  x = 1;\r\n};\r\n", "bom.params");
  REQUIRE(doc.groups.size() == 1);
  CHECK(doc.groups[0].find("x")->where.line == 2);
}

TEST_CASE("#include copies an earlier group and @key overrides a value", "[params][legacy]") {
  ParamDocument doc = parse_params_text(R"(
ANNLayer "base" = {
    nf = 4;
    VThresh = 0.5;
};
ANNLayer "copy" = {
    #include "base";
    @VThresh = 0.25;
    phase = 2;
};
)",
                                        "inc.params");
  const ParamGroup& copy = doc.groups[1];
  REQUIRE(copy.entries.size() == 3);
  CHECK(copy.find("nf")->value == ParamValue::number(4));
  CHECK(copy.find("nf")->where.line == 3);
  CHECK(copy.find("VThresh")->value == ParamValue::number(0.25));
  CHECK(copy.find("VThresh")->where.line == 8);
  CHECK(doc.groups[0].find("VThresh")->value == ParamValue::number(0.5));

  CHECK_THAT(parse_error("A \"a\" = { x = 1; };\nA \"b\" = { #include \"a\";\n x = 2; };").what(),
             Catch::Contains("bad.params:3: group \"b\", key \"x\": key is given twice (first at bad.params:1)"));
  CHECK_THAT(parse_error("A \"b\" = {\n @x = 2; };").what(), Catch::Contains("bad.params:2"));
  CHECK_THAT(parse_error("A \"b\" = {\n #include \"nothing\"; };").message(), Catch::Contains("no earlier group"));
}

TEST_CASE("sweeps parse into groups named group:key with numbered values", "[params][legacy]") {
  ParamDocument doc = parse_params_text(R"(
HyPerCol "column" = { dt = 1; };
ParameterSweep "column":dt = {
    0.5;
    0.25;
};
BatchSweep "input":inputPath = { "a.png"; "b.png"; };
)",
                                        "sweep.params");
  REQUIRE(doc.groups.size() == 3);
  const ParamGroup& sweep = doc.groups[1];
  CHECK(sweep.type == "ParameterSweep");
  CHECK(sweep.name == "column:dt");
  REQUIRE(sweep.entries.size() == 2);
  CHECK(sweep.entries[0].key == "1");
  CHECK(sweep.entries[1].value == ParamValue::number(0.25));
  CHECK(sweep.entries[1].where.line == 5);
  CHECK(doc.groups[2].entries[1].value == ParamValue::string("b.png"));
}

TEST_CASE("syntax errors name the file, the line and what was expected", "[params][legacy]") {
  ParamError missing_semicolon = parse_error("HyPerCol \"c\" = {\n    dt = 1\n    nx = 4;\n};\n");
  CHECK(missing_semicolon.where().file == "bad.params");
  CHECK(missing_semicolon.where().line == 2);
  CHECK(missing_semicolon.group() == "c");
  CHECK(missing_semicolon.key() == "dt");
  CHECK(missing_semicolon.message() == "expected ';' after the value, found \"nx\"");

  CHECK(parse_error("\n\nHyPerCol c = {};").where().line == 3);
  CHECK_THAT(parse_error("HyPerCol \"c\" = {\n  x = abc;\n};").message(), Catch::Contains("double quotes"));
  CHECK(parse_error("HyPerCol \"c\" = {\n  x = abc;\n};").where().line == 2);
  CHECK_THAT(parse_error("A \"c\" = {\n x = 1;\n").message(), Catch::Contains("not closed"));
  CHECK_THAT(parse_error("A \"c\" = {\n x = \"open;\n};").message(), Catch::Contains("string is not closed"));
  CHECK_THAT(parse_error("A \"c\" = {\n x = 1.2.3;\n};").message(), Catch::Contains("malformed number \"1.2.3\""));
  CHECK_THAT(parse_error("A \"c\" = {\n x = [1, \"a\"];\n};").message(), Catch::Contains("arrays hold numbers only"));
  CHECK_THAT(parse_error("A \"c\" = {\n x = 1;\n}").message(), Catch::Contains("expected ';'"));
  CHECK_THAT(parse_error("/* never closed\n A \"c\" = {};").message(), Catch::Contains("never closed"));
  CHECK(parse_error("\nA \"c\" = {\n x = 1 $;\n};").where().line == 3);
  CHECK_THAT(parse_error("verbose = true;").message(), Catch::Contains("unknown directive"));
  CHECK(parse_error("A \"c\" = {\n x = 1;\n};\n\nB \"c\" = {};").where().line == 5);
  CHECK_THAT(parse_error("A \"c\" = {};\nB \"c\" = {};").message(),
             Catch::Contains("already exists (at bad.params:1)"));
  ParamError twice = parse_error("A \"c\" = {\n x = 1;\n x = 2;\n};");
  CHECK(twice.where().line == 3);
  CHECK(twice.key() == "x");
  CHECK_THAT(twice.message(), Catch::Contains("given twice (first at bad.params:2)"));
}

TEST_CASE("read_params_file reads a file and names a missing one", "[params][legacy]") {
  test::TempDir tmp;
  const std::filesystem::path& dir = tmp.path();
  auto file = dir / "net.params";
  test::write_file(file, tutorial);
  ParamDocument doc = read_params_file(file.string());
  CHECK(doc.groups.size() == 3);
  CHECK(doc.groups[0].where.file == file.string());

  auto missing = (dir / "missing.params").string();
  try {
    read_params_file(missing);
    FAIL("no error");
  } catch (const ParamError& e) {
    CHECK(e.where().file == missing);
    CHECK_THAT(e.what(), Catch::Contains("cannot open params file"));
  }
  CHECK_THROWS_AS(read_params_file(dir.string()), ParamError);
}

TEST_CASE("written .params text reads back into an equal document", "[params][writer]") {
  ParamDocument doc;
  ParamGroup col;
  col.type = "HyPerCol";
  col.name = "column";
  col.set("dt", ParamValue::number(0.1));
  col.set("stopTime", ParamValue::number(400));
  col.set("third", ParamValue::number(1.0 / 3.0));
  col.set("tiny", ParamValue::number(5e-324));
  col.set("big", ParamValue::number(-1.7976931348623157e308));
  col.set("up", ParamValue::number(inf));
  col.set("down", ParamValue::number(-inf));
  col.set("flag", ParamValue::boolean(true));
  col.set("off", ParamValue::boolean(false));
  col.set("path", ParamValue::string("out dir/\"quoted\" \\ back\tslash\n"));
  col.set("empty", ParamValue::string(""));
  col.set("none", ParamValue::nil());
  col.set("delays", ParamValue::array({0, 0.1, 1.0 / 3.0, inf, -inf}));
  col.set("nothing", ParamValue::array({}));
  doc.groups.push_back(col);
  ParamGroup lca;
  lca.type = "HyPerLCALayer";
  lca.name = "V1 layer";
  doc.groups.push_back(lca);
  ParamGroup sweep;
  sweep.type = "ParameterSweep";
  sweep.name = "column:dt";
  sweep.set("1", ParamValue::number(0.5));
  sweep.set("2", ParamValue::string("x"));
  doc.groups.push_back(sweep);

  std::string text = write_params_text(doc);
  CHECK_THAT(text, Catch::StartsWith("debugParsing = false;\n\nHyPerCol \"column\" = {\n    dt = 0.1;\n"));
  CHECK_THAT(text, Catch::Contains("\n};\n\nHyPerLCALayer \"V1 layer\" = {\n};\n"));
  CHECK_THAT(text, Catch::Contains("    up = infinity;\n"));
  CHECK_THAT(text, Catch::Contains("ParameterSweep \"column\":dt = {\n    0.5;\n    \"x\";\n};"));

  ParamDocument back = parse_params_text(text, "back.params");
  REQUIRE(back.groups.size() == doc.groups.size());
  for (std::size_t g = 0; g < doc.groups.size(); ++g) {
    const ParamGroup& a = doc.groups[g];
    const ParamGroup& b = back.groups[g];
    CHECK(a.type == b.type);
    CHECK(a.name == b.name);
    REQUIRE(a.entries.size() == b.entries.size());
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
      INFO(a.entries[i].key);
      CHECK(a.entries[i].key == b.entries[i].key);
      CHECK(a.entries[i].value == b.entries[i].value);
    }
  }
  CHECK(back.groups[0].find("stopTime")->where.line == 5);
}

TEST_CASE("the writer refuses keys the .params syntax cannot hold", "[params][writer]") {
  ParamDocument doc;
  ParamGroup g;
  g.type = "HyPerCol";
  g.name = "column";
  g.set("two words", ParamValue::number(1));
  doc.groups.push_back(g);
  CHECK_THROWS_AS(write_params_text(doc), ParamError);
}
