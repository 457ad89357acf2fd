#include <catch2/catch.hpp>
#include <limits>
#include <string>

#include "lua/lua_loader.hpp"
#include "lua/params_loader.hpp"
#include "lua/source_lines.hpp"
#include "params/legacy_params_parser.hpp"
#include "params/params_writer.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
using spv::test::TempDir;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// One group of every kind of value, a group with no entries, and a sweep.
ParamDocument sample_document() {
  ParamDocument doc;
  ParamGroup col;
  col.type = "HyPerCol";
  col.name = "column";
  col.set("dt", ParamValue::number(0.1));
  col.set("stopTime", ParamValue::number(400));
  col.set("third", ParamValue::number(1.0 / 3.0));
  col.set("tiny", ParamValue::number(5e-324));
  col.set("huge", ParamValue::number(1.7976931348623157e308));
  col.set("negative", ParamValue::number(-4));
  col.set("up", ParamValue::number(inf));
  col.set("down", ParamValue::number(-inf));
  col.set("flag", ParamValue::boolean(true));
  col.set("off", ParamValue::boolean(false));
  col.set("path", ParamValue::string("out dir/\"quoted\" 'single' \\ back\tslash\n\x01"));
  col.set("empty", ParamValue::string(""));
  col.set("none", ParamValue::nil());
  col.set("delays", ParamValue::array({0, 0.1, 1.0 / 3.0, inf, -inf}));
  col.set("nothing", ParamValue::array({}));
  doc.groups.push_back(col);
  ParamGroup lca;
  lca.type = "HyPerLCALayer";
  lca.name = "V1 \"layer\"";
  doc.groups.push_back(lca);
  ParamGroup sweep;
  sweep.type = "ParameterSweep";
  sweep.name = "column:dt";
  sweep.set("1", ParamValue::number(0.5));
  sweep.set("2", ParamValue::number(0.25));
  doc.groups.push_back(sweep);
  return doc;
}

void require_equal(const ParamDocument& a, const ParamDocument& b) {
  REQUIRE(a.groups.size() == b.groups.size());
  for (std::size_t g = 0; g < a.groups.size(); ++g) {
    INFO(a.groups[g].name);
    CHECK(a.groups[g].type == b.groups[g].type);
    CHECK(a.groups[g].name == b.groups[g].name);
    REQUIRE(a.groups[g].entries.size() == b.groups[g].entries.size());
    for (std::size_t i = 0; i < a.groups[g].entries.size(); ++i) {
      INFO(a.groups[g].entries[i].key);
      CHECK(a.groups[g].entries[i].key == b.groups[g].entries[i].key);
      CHECK(a.groups[g].entries[i].value == b.groups[g].entries[i].value);
    }
  }
}

}  // namespace

TEST_CASE("written Lua reads back into an equal document", "[lua][writer]") {
  TempDir dir;
  ParamDocument doc = sample_document();
  ParamGroup odd;
  odd.type = "ANNLayer";
  odd.name = "odd";
  odd.set("end", ParamValue::number(1));
  odd.set("two words", ParamValue::number(2));
  doc.groups.push_back(odd);

  std::string text = write_lua_text(doc);
  CHECK_THAT(text, Catch::Contains("    groupType = \"HyPerCol\",\n    name = \"column\",\n    dt = 0.1,\n"));
  CHECK_THAT(text, Catch::Contains("    up = math.huge,\n"));
  CHECK_THAT(text, Catch::Contains("    [\"end\"] = 1,\n"));
  std::string path = dir.write("effective.lua", text);
  ParamDocument back = load_lua_params(path);
  require_equal(doc, back);
  CHECK(back.groups[0].find("stopTime")->where.line == 7);
}

TEST_CASE("both syntaxes carry the same document through each other", "[lua][writer]") {
  TempDir dir;
  ParamDocument doc = sample_document();
  ParamDocument via_params = parse_params_text(write_params_text(doc), "x.params");
  std::string lua_path = dir.write("again.lua", write_lua_text(via_params));
  require_equal(doc, load_lua_params(lua_path));
}

TEST_CASE("load_params_file picks the syntax by extension", "[lua][loader]") {
  TempDir dir;
  std::string lua = dir.write("net.LUA", "return { column = { groupType = 'HyPerCol', dt = 2 } }\n");
  std::string legacy = dir.write("net.params", "HyPerCol \"column\" = {\n    dt = 3;\n};\n");
  CHECK(load_params_file(lua).groups.at(0).find("dt")->value == ParamValue::number(2));
  ParamDocument doc = load_params_file(legacy);
  CHECK(doc.groups.at(0).find("dt")->value == ParamValue::number(3));
  CHECK(doc.groups.at(0).find("dt")->where.line == 2);

  std::string missing = (dir / "nothing.lua").string();
  try {
    load_params_file(missing);
    FAIL("no error");
  } catch (const ParamError& e) {
    CHECK(e.where().file == missing);
    CHECK_THAT(e.what(), Catch::StartsWith(missing + ": cannot open params file"));
  }
  CHECK_THROWS_AS(load_params_file((dir / "nothing.params").string()), ParamError);
}

TEST_CASE("source lines skip comments and strings", "[lua][lines]") {
  SourceLines lines(R"(--[[ a long comment
column = {
]]
local s = [[
column = {
]]
-- column = {
column = {  -- the real one
  dt = "x", note = "nx = 1",
  ["nx"] = 3,
  name = "column",
}
other = {
  nx = 4,
}
return other
)");
  CHECK(lines.group_line("column") == 8);
  CHECK(lines.group_line("other") == 13);
  CHECK(lines.group_line("missing") == 0);
  CHECK(lines.key_line("dt", 8, 13) == 9);
  CHECK(lines.key_line("nx", 8, 13) == 10);
  CHECK(lines.key_line("nx", 13, 0) == 14);
  CHECK(lines.key_line("note", 8, 13) == 9);
  CHECK(lines.key_line("absent", 8, 13) == 0);
  CHECK(lines.last_return_line() == 16);
}
