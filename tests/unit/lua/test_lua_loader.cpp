#include <catch2/catch.hpp>
#include <limits>
#include <string>
#include <vector>

#include "lua/lua_loader.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
using spv::test::TempDir;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

std::vector<std::string> names(const ParamDocument& doc) {
  std::vector<std::string> out;
  for (const auto& g : doc.groups) out.push_back(g.name);
  return out;
}

std::vector<std::string> keys(const ParamGroup& g) {
  std::vector<std::string> out;
  for (const auto& e : g.entries) out.push_back(e.key);
  return out;
}

ParamError load_error(const std::string& path) {
  try {
    load_lua_params(path);
  } catch (const ParamError& e) {
    return e;
  }
  FAIL("loading did not throw");
  return ParamError({}, "", "", "");
}

}  // namespace

TEST_CASE("a returned table keyed by group name", "[lua]") {
  TempDir dir;
  std::string path = dir.write("net.lua", R"(-- keyed groups
local nx = 32
return {
  V1 = { groupType = "HyPerLCALayer", name = "V1", VThresh = 0.025, AMax = math.huge, AMin = -infinity },
  column = {
    groupType = "HyPerCol",
    -- dt = 5 in a comment is not the key
    stopTime = 400,
    dt = 1,
    nx = nx,
    outputPath = "out/dt = 3",
    flag = true,
  },
  input = {
    groupType = "ImageLayer",
    delays = {0, 2.5, INFINITY},
    none = {},
    trigger = NULL,
    absent = nil,
  },
}
)");
  ParamDocument doc = load_lua_params(path);
  CHECK(doc.path == path);
  REQUIRE(names(doc) == std::vector<std::string>{"V1", "column", "input"});

  const ParamGroup& v1 = doc.groups[0];
  CHECK(v1.type == "HyPerLCALayer");
  CHECK(v1.where.file == path);
  CHECK(v1.where.line == 4);
  CHECK(keys(v1) == std::vector<std::string>{"AMax", "AMin", "VThresh"});
  CHECK(v1.find("AMax")->value == ParamValue::number(inf));
  CHECK(v1.find("AMin")->value == ParamValue::number(-inf));
  CHECK(v1.find("VThresh")->where.line == 4);

  const ParamGroup& col = doc.groups[1];
  CHECK(col.where.line == 5);
  CHECK(keys(col) == std::vector<std::string>{"stopTime", "dt", "nx", "outputPath", "flag"});
  CHECK(col.find("dt")->where.line == 9);
  CHECK(col.find("dt")->value == ParamValue::number(1));
  CHECK(col.find("nx")->value == ParamValue::number(32));
  CHECK(col.find("outputPath")->value == ParamValue::string("out/dt = 3"));
  CHECK(col.find("flag")->value == ParamValue::boolean(true));

  const ParamGroup& input = doc.groups[2];
  CHECK(input.where.line == 14);
  CHECK(input.find("delays")->value == ParamValue::array({0, 2.5, inf}));
  CHECK(input.find("delays")->where.line == 16);
  CHECK(input.find("none")->value == ParamValue::array({}));
  CHECK(input.find("trigger")->value.is_nil());
  CHECK(input.find("absent") == nullptr);
}

TEST_CASE("a returned array of groups with name fields", "[lua]") {
  TempDir dir;
  std::string path = dir.write("net.lua", R"(local groups = {}
for i = 1, 3 do
  groups[#groups + 1] = { groupType = "ANNLayer", name = string.format("layer%d", i), nf = i * 2 }
end
table.insert(groups, 1, {
  groupType = "HyPerCol",
  name = "column",
  dt = 0.5,
})
return groups
)");
  ParamDocument doc = load_lua_params(path);
  // An array keeps its order; groups made in the loop have no line of their own and get the return line.
  REQUIRE(names(doc) == std::vector<std::string>{"column", "layer1", "layer2", "layer3"});
  CHECK(doc.groups[0].where.line == 7);
  CHECK(doc.groups[0].find("dt")->where.line == 8);
  CHECK(doc.groups[1].where.line == 10);
  CHECK(doc.groups[3].find("nf")->value == ParamValue::number(6));
  CHECK(doc.groups[3].find("name") == nullptr);
}

TEST_CASE("groups on one line are ordered by name, whatever Lua's table order", "[lua]") {
  TempDir dir;
  std::string path =
      dir.write("net.lua", "return { zeta = {groupType='A'}, alpha = {groupType='A'}, mid = {groupType='A'} }\n");
  for (int i = 0; i < 3; ++i) CHECK(names(load_lua_params(path)) == std::vector<std::string>{"alpha", "mid", "zeta"});
}

TEST_CASE("OpenPV style: PVModule helpers and printConsole", "[lua][pvmodule]") {
  TempDir dir;
  std::string path = dir.write("openpv.lua", R"(local pv = require "PVModule"
local params = {
  column = { groupType = "HyPerCol", dt = 1, stopTime = infinity },
}
local layer = { groupType = "ANNLayer", nf = 4, VThresh = 0.5, delays = {1, 2} }
pv.addGroup(params, "a", layer)
pv.addGroup(params, "b", layer, { VThresh = 0.25 })
local c = pv.deepCopy(layer)
c.delays[1] = 9
params.c = c
pv.addMultiGroups(params, { d = layer })
pv.paramSweep(params, "column", "dt", {0.5, 0.25})
pv.batchSweep(params, "a", "VThresh", {0.1, 0.2, 0.3})
pv.printConsole(params)
)");
  ParamDocument doc = load_lua_params(path);
  REQUIRE(names(doc) == std::vector<std::string>{"column", "a", "b", "column:dt", "a:VThresh", "c", "d"});
  const ParamGroup* a = doc.find("a");
  const ParamGroup* b = doc.find("b");
  CHECK(a->where.line == 6);
  CHECK(a->find("VThresh")->value == ParamValue::number(0.5));
  CHECK(b->where.line == 7);
  CHECK(b->find("VThresh")->value == ParamValue::number(0.25));
  CHECK(b->find("VThresh")->where.line == 7);
  CHECK(b->find("nf")->where.line == 7);
  CHECK(doc.find("c")->find("delays")->value == ParamValue::array({9, 2}));
  CHECK(a->find("delays")->value == ParamValue::array({1, 2}));
  CHECK(doc.find("c")->where.line == 14);
  CHECK(doc.find("column")->find("stopTime")->value == ParamValue::number(inf));

  const ParamGroup* sweep = doc.find("column:dt");
  CHECK(sweep->type == "ParameterSweep");
  CHECK(sweep->where.line == 12);
  CHECK(keys(*sweep) == std::vector<std::string>{"1", "2"});
  CHECK(sweep->entries[1].value == ParamValue::number(0.25));
  const ParamGroup* batch = doc.find("a:VThresh");
  CHECK(batch->type == "BatchSweep");
  CHECK(batch->entries.size() == 3);
}

TEST_CASE("the returned table wins over printConsole, and the last printConsole wins", "[lua][pvmodule]") {
  TempDir dir;
  std::string both = dir.write("both.lua", R"(local pv = require "PVModule"
pv.printConsole({ printed = { groupType = "A" } })
return { returned = { groupType = "A" } }
)");
  CHECK(names(load_lua_params(both)) == std::vector<std::string>{"returned"});
  std::string twice = dir.write("twice.lua", R"(local pv = require "PVModule"
pv.printConsole({ first = { groupType = "A" } })
pv.printConsole({ second = { groupType = "A" } })
)");
  ParamDocument doc = load_lua_params(twice);
  CHECK(names(doc) == std::vector<std::string>{"second"});
  CHECK(doc.groups[0].where.line == 3);
}

TEST_CASE("PVModule errors point at the calling line", "[lua][pvmodule]") {
  TempDir dir;
  ParamError exists = load_error(dir.write("exists.lua", R"(local pv = require "PVModule"
local t = { a = { groupType = "A" } }

pv.addGroup(t, "a", { groupType = "A" })
pv.printConsole(t)
)"));
  CHECK(exists.where().line == 4);
  CHECK_THAT(exists.message(), Catch::Contains("PVModule.addGroup: a group named \"a\" already exists"));

  ParamError override = load_error(dir.write("override.lua", R"(local pv = require "PVModule"
local t = {}
pv.addGroup(t, "a", { groupType = "A", x = 1 }, { y = 2 })
)"));
  CHECK(override.where().line == 3);
  CHECK_THAT(override.message(), Catch::Contains("\"y\""));

  ParamError cycle = load_error(dir.write("cycle.lua", R"(local pv = require "PVModule"
local g = { groupType = "A" }
g.self = g
local copy = pv.deepCopy(g)
)"));
  CHECK(cycle.where().line == 4);
  CHECK_THAT(cycle.message(), Catch::Contains("contains itself"));
}

TEST_CASE("Lua syntax errors carry the file and line", "[lua][errors]") {
  TempDir dir;
  std::string path = dir.write("net.lua", "return {\n  a = { groupType = \"A\",\n    dt = 1 x = 2 },\n}\n");
  ParamError e = load_error(path);
  CHECK(e.where().file == path);
  CHECK(e.where().line == 3);
  CHECK_THAT(e.message(), Catch::Contains("'}' expected"));
  CHECK_THAT(e.what(), Catch::StartsWith(path + ":3: "));
}

TEST_CASE("Lua runtime errors carry the file and line", "[lua][errors]") {
  TempDir dir;
  ParamError e = load_error(dir.write("net.lua", "local t = nil\n\nreturn { a = t.x }\n"));
  CHECK(e.where().line == 3);
  CHECK_THAT(e.message(), Catch::Contains("attempt to index"));

  ParamError raised = load_error(dir.write("raise.lua", "\nerror('stop here')\n"));
  CHECK(raised.where().line == 2);
  CHECK(raised.message() == "stop here");

  dir.write("helper.lua", "local M = {}\nfunction M.fail()\n  error('helper failed')\nend\nreturn M\n");
  ParamError helper = load_error(dir.write("uses_helper.lua", "local h = require 'helper'\n\nh.fail()\n"));
  CHECK(helper.where().line == 3);
  CHECK_THAT(helper.message(), Catch::Contains("helper.lua:3: helper failed"));

  ParamError table_error = load_error(dir.write("table_error.lua", "error({})\n"));
  CHECK_THAT(table_error.message(), Catch::Contains("error object is a table value"));
  CHECK(table_error.where().line == 1);
}

TEST_CASE("os.exit in a params file is an error naming its line, not an exit", "[lua][errors]") {
  TempDir dir;
  ParamError e = load_error(dir.write("exits.lua", "local t = {}\nos.exit(0)\nreturn t\n"));
  CHECK(e.where().line == 2);
  CHECK_THAT(e.message(), Catch::Contains("os.exit"));
  CHECK(load_error(dir.write("exits_true.lua", "os.exit(true)\n")).where().line == 1);
}

TEST_CASE("a file that yields no table of groups is an error", "[lua][errors]") {
  TempDir dir;
  CHECK_THAT(load_error(dir.write("none.lua", "local x = 1\n")).message(),
             Catch::StartsWith("the params file returned no table of groups"));
  CHECK_THAT(load_error(dir.write("number.lua", "return 5\n")).message(),
             Catch::Contains("returned a number, not a table of groups"));
  CHECK_THAT(load_error((dir / "missing.lua").string()).message(), Catch::Contains("cannot open params file"));
}

TEST_CASE("values that are not parameters are errors naming group and key", "[lua][errors]") {
  TempDir dir;
  ParamError nested = load_error(dir.write("nested.lua", R"(return {
  a = {
    groupType = "A",
    ok = 1,
    bad = { x = 1 },
  },
}
)"));
  CHECK(nested.group() == "a");
  CHECK(nested.key() == "bad");
  CHECK(nested.where().line == 5);
  CHECK_THAT(nested.message(), Catch::Contains("not an array of numbers"));

  ParamError strings = load_error(dir.write("strings.lua", "return { a = { groupType = 'A', v = {1, 'x'} } }\n"));
  CHECK(strings.key() == "v");
  ParamError holes = load_error(dir.write("holes.lua", "return { a = { groupType = 'A', v = {1, nil, 3} } }\n"));
  CHECK(holes.key() == "v");
  ParamError userdata = load_error(dir.write("userdata.lua", "return { a = { groupType = 'A', out = io.stdout } }\n"));
  CHECK(userdata.key() == "out");
  CHECK_THAT(userdata.message(), Catch::Contains("userdata is not a parameter value"));

  ParamError no_type = load_error(dir.write("notype.lua", "return {\n  a = { dt = 1 },\n}\n"));
  CHECK(no_type.group() == "a");
  CHECK(no_type.key() == "groupType");
  CHECK(no_type.where().line == 2);

  ParamError mismatch = load_error(dir.write("mismatch.lua", "return { a = { groupType = 'A', name = 'b' } }\n"));
  CHECK_THAT(mismatch.message(), Catch::Contains("name field says \"b\""));
  CHECK_THAT(load_error(dir.write("noname.lua", "return { { groupType = 'A' } }\n")).message(),
             Catch::Contains("has no name field"));
  CHECK_THAT(load_error(dir.write("dup.lua", "return { { groupType = 'A', name = 'x' }, x = { groupType = 'A' } }\n"))
                 .message(),
             Catch::Contains("two groups have this name"));
  CHECK_THAT(load_error(dir.write("notgroup.lua", "return { a = 5 }\n")).message(), Catch::Contains("is not a group"));
  CHECK_THAT(load_error(dir.write("numkey.lua", "return { a = { groupType = 'A', 7 } }\n")).message(),
             Catch::Contains("key is not a name"));
}

TEST_CASE("helper files are found next to the params file", "[lua]") {
  TempDir dir;
  dir.write("common.lua", "return { groupType = 'HyPerCol', dt = 0.25 }\n");
  dir.write("shared.lua", "return { nf = 3 }\n");
  std::string path = dir.write("net.lua", R"(local column = dofile("common.lua")
local shared = require "shared"
return { column = column, layer = { groupType = "ANNLayer", nf = shared.nf } }
)");
  ParamDocument doc = load_lua_params(path);
  CHECK(doc.find("column")->find("dt")->value == ParamValue::number(0.25));
  CHECK(doc.find("layer")->find("nf")->value == ParamValue::number(3));
}

TEST_CASE("LuaLimits bound a params file's instructions and memory and sandbox it", "[lua][limits]") {
  TempDir dir;
  LuaLimits limits;
  limits.memory_bytes = 16u << 20;
  limits.instructions = 100000;
  limits.sandbox = true;
  auto refusal = [&](const std::string& name, const std::string& text) {
    const std::string path = dir.write(name, text);
    try {
      load_lua_params(path, limits);
    } catch (const ParamError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK_THAT(refusal("loop.lua", "while true do end\n"),
             Catch::Contains("loop.lua:1") && Catch::Contains("instruction limit"));
  // A pcall that catches the limit's error cannot keep the file running.
  CHECK_THAT(refusal("pcall.lua", "while true do pcall(function() while true do end end) end\n"),
             Catch::Contains("instruction limit"));
  CHECK_THAT(refusal("memory.lua", "local s = 'x'\nfor i = 1, 30 do s = s .. s end\nreturn {}\n"),
             Catch::Contains("not enough memory"));
  CHECK_THAT(refusal("os.lua", "os.exit(3)\n"), Catch::Contains("global 'os'"));
  CHECK_THAT(refusal("require.lua", "require('io')\n"), Catch::Contains("module 'io' not found"));
  // PVModule stays available, and a bounded file within its limits loads as without them.
  const std::string ok =
      "local pv = require 'PVModule'\nlocal t = {}\n"
      "pv.addGroup(t, 'column', { groupType = 'HyPerCol', dt = 1 })\nreturn t\n";
  CHECK(names(load_lua_params(dir.write("ok.lua", ok), limits)) == std::vector<std::string>{"column"});
  CHECK(load_lua_params(dir.write("os_plain.lua", "assert(os.time)\nreturn {}\n")).groups.empty());
}

TEST_CASE("an error message with a line number beyond int keeps the message", "[lua][errors]") {
  TempDir dir;
  const std::string path = dir.write("big_line.lua",
                                     "local _, m = pcall(function() error('x') end)\n"
                                     "error(m:match('^(.-):%d') .. ':99999999999: too far', 0)\n");
  CHECK_THAT(load_error(path).what(), Catch::Contains("too far"));
}
