// The output-safety rules (core/io/output_safety.hpp): lexical normalisation, containment, group and file names, and
// the plan check: checkpoint directories apart from the output directory and each other, one writer per file.
#include <catch2/catch.hpp>

#include <vector>

#include "core/io/output_safety.hpp"

using namespace spv;
namespace fs = std::filesystem;

namespace {

PathOwner column_key(const std::string& key, const std::string& note = "") {
  return {"column", key, {"net.lua", 3}, note};
}
PathOwner group_key(const std::string& group, const std::string& key) { return {group, key, {"net.lua", 9}, ""}; }

// The defaults of a run writing to `out`: Checkpoints (signal) and Last (final) inside it, and the params echo.
OutputPlan plan_for(const fs::path& out) {
  OutputPlan p;
  p.groups = {{"column", {"net.lua", 2}}, {"V1", {"net.lua", 9}}};
  p.output_dir = out;
  p.output_owner = column_key("outputPath");
  p.checkpoint_dirs = {{out / "Checkpoints", column_key("checkpointWriteDir", "unset"), false},
                       {out / "Last", column_key("lastCheckpointDir", "by default <outputPath>/Last"), true}};
  p.files = {{"timers.txt", column_key("")}, {"pv.params", column_key("printParamsFilename")},
             {"V1.pvp", group_key("V1", "writeStep")}};
  return p;
}

// The ParamError the plan is refused with.
ParamError refusal(const OutputPlan& p) {
  try {
    check_output_plan(p);
  } catch (const ParamError& e) {
    return e;
  }
  FAIL("the plan was accepted");
  throw;  // unreachable
}

}  // namespace

TEST_CASE("normal_path folds . and .., drops a trailing separator and is absolute", "[output][safety]") {
  const fs::path cwd = fs::current_path();
  CHECK(normal_path("out") == cwd / "out");
  CHECK(normal_path("out/") == cwd / "out");
  CHECK(normal_path("out/./x/..") == cwd / "out");
  CHECK(normal_path("out/../out") == cwd / "out");
  CHECK(normal_path("./out//") == cwd / "out");
  CHECK(normal_path("/a/b/../c/") == fs::path("/a/c"));
  CHECK(normal_path("/") == fs::path("/"));
  CHECK(normal_path(".") == cwd);
}

TEST_CASE("path_within: equal or inside, by whole components", "[output][safety]") {
  CHECK(path_within("/a/b", "/a/b"));
  CHECK(path_within("/a/b/c", "/a/b"));
  CHECK(path_within("/a/b", "/"));
  CHECK_FALSE(path_within("/a/b", "/a/b/c"));
  CHECK_FALSE(path_within("/a/bc", "/a/b"));  // a shared prefix of characters is not containment
  CHECK_FALSE(path_within("/a/b.tmp", "/a/b"));
  CHECK(path_within("Last/e.txt", "Last"));
  CHECK_FALSE(path_within("Lastx/e.txt", "Last"));
}

TEST_CASE("group names must be plain file names", "[output][safety]") {
  CHECK(group_name_problem("V1").empty());
  CHECK(group_name_problem("..X").empty());
  CHECK(group_name_problem("a.b").empty());
  for (const std::string& bad : std::vector<std::string>{"", ".", "..", "../X", "a/b", "/abs", "a\\b",
                                                        std::string("a\0b", 3)}) {
    INFO("name " << bad);
    CHECK_FALSE(group_name_problem(bad).empty());
  }
  CHECK_THAT(group_name_problem(std::string("a\0b", 3)), Catch::Contains("a\\0b"));
}

TEST_CASE("output file names stay inside the output directory", "[output][safety]") {
  CHECK(output_file_problem("energy.txt").empty());
  CHECK(output_file_problem("probes/energy.txt").empty());
  CHECK(output_file_problem("a/../energy.txt").empty());  // still inside
  CHECK_THAT(output_file_problem("/tmp/x.txt"), Catch::Contains("relative to the output directory"));
  CHECK_THAT(output_file_problem("../x.txt"), Catch::Contains(".."));
  CHECK_THAT(output_file_problem("a/../../x.txt"), Catch::Contains(".."));
  CHECK_FALSE(output_file_problem("").empty());
  CHECK_FALSE(output_file_problem(".").empty());
  CHECK_FALSE(output_file_problem("a/..").empty());
  CHECK_FALSE(output_file_problem("dir/").empty());
  CHECK_FALSE(output_file_problem("a\\b.txt").empty());
  CHECK_FALSE(output_file_problem(std::string("a\0b", 3)).empty());
  CHECK(normal_output_file("./a//b.txt") == "a/b.txt");
}

TEST_CASE("the defaults pass: checkpoint subdirectories of the output directory of their own", "[output][safety]") {
  CHECK_NOTHROW(check_output_plan(plan_for("/runs/out")));
  OutputPlan p = plan_for("/runs/out");
  p.checkpoint_dirs[0].path = "/runs/out/ckpt";
  p.checkpoint_dirs[1].path = "/elsewhere/final";
  CHECK_NOTHROW(check_output_plan(p));
}

TEST_CASE("a checkpoint directory that is or contains the output directory is refused", "[output][safety]") {
  for (const char* last : {"/runs/out", "/runs/out/", "/runs/out/.", "/runs/out/../out", "/runs", "/"}) {
    INFO("lastCheckpointDir " << last);
    OutputPlan p = plan_for("/runs/out");
    p.checkpoint_dirs[1] = {last, column_key("lastCheckpointDir"), true};
    const ParamError e = refusal(p);
    CHECK(e.group() == "column");
    CHECK(e.key() == "lastCheckpointDir");
    CHECK(e.where().file == "net.lua");
    CHECK_THAT(e.message(), Catch::Contains("outputPath"));
  }
  OutputPlan p = plan_for("/runs/out");
  p.checkpoint_dirs[0] = {"/runs", column_key("checkpointWriteDir"), false};
  CHECK(refusal(p).key() == "checkpointWriteDir");
  // The final checkpoint is staged in NAME.tmp beside it: that may not hold the outputs either.
  p = plan_for("/runs/x.tmp/out");
  p.checkpoint_dirs[1] = {"/runs/x", column_key("lastCheckpointDir"), true};
  CHECK_THAT(refusal(p).message(), Catch::Contains("x.tmp"));
}

TEST_CASE("checkpoint directories may not be equal or nested", "[output][safety]") {
  OutputPlan p = plan_for("/runs/out");
  p.checkpoint_dirs[0] = {"/runs/ck", column_key("checkpointWriteDir"), false};
  p.checkpoint_dirs[1] = {"/runs/ck/", column_key("lastCheckpointDir"), true};
  ParamError e = refusal(p);
  CHECK(e.key() == "lastCheckpointDir");
  CHECK_THAT(e.message(), Catch::Contains("checkpointWriteDir") && Catch::Contains("same directory"));
  p.checkpoint_dirs[1].path = "/runs/ck/Checkpoint5";
  CHECK_THAT(refusal(p).message(), Catch::Contains("inside"));
  // A default that meets an explicit key: the explicit one is blamed.
  p = plan_for("/runs/out");
  p.checkpoint_dirs[0] = {"/runs/out/Last", column_key("checkpointWriteDir"), false};
  e = refusal(p);
  CHECK(e.key() == "checkpointWriteDir");
  CHECK_THAT(e.message(), Catch::Contains("lastCheckpointDir"));
}

TEST_CASE("two writers of one file are refused, naming both", "[output][safety]") {
  OutputPlan p = plan_for("/runs/out");
  p.groups.push_back({"P1", {"net.lua", 20}});
  p.groups.push_back({"P2", {"net.lua", 21}});
  p.files.push_back({"e_batchElement_0.txt", group_key("P1", "probeOutputFile")});
  p.files.push_back({"./e_batchElement_0.txt", group_key("P2", "probeOutputFile")});
  ParamError e = refusal(p);
  CHECK(e.group() == "P2");
  CHECK(e.key() == "probeOutputFile");
  CHECK_THAT(e.message(), Catch::Contains("\"P1\"") && Catch::Contains("probeOutputFile"));

  p = plan_for("/runs/out");
  p.files.push_back({"V1.pvp", column_key("printParamsFilename")});
  e = refusal(p);
  CHECK(e.key() == "printParamsFilename");
  CHECK_THAT(e.message(), Catch::Contains("\"V1\"") && Catch::Contains("writeStep"));

  p = plan_for("/runs/out");
  p.files.push_back({"V1.pvp.part", group_key("P1", "probeOutputFile")});  // the staging name of V1.pvp
  CHECK_THAT(refusal(p).message(), Catch::Contains("temporary name"));

  p = plan_for("/runs/out");
  p.files.push_back({"V1.pvp/e.txt", group_key("P1", "probeOutputFile")});  // a file used as a directory
  CHECK_THAT(refusal(p).message(), Catch::Contains("inside \"V1.pvp\""));
}

TEST_CASE("no output file may lie in a checkpoint directory inside the output directory", "[output][safety]") {
  for (const char* file : {"Last/e.txt", "Last", "Last.tmp", "Checkpoints/x/e.txt"}) {
    INFO("file " << file);
    OutputPlan p = plan_for("/runs/out");
    p.files.push_back({file, group_key("V1", "probeOutputFile")});
    const ParamError e = refusal(p);
    CHECK(e.group() == "V1");
    CHECK_THAT(e.message(), Catch::Contains("checkpoint"));
  }
  OutputPlan p = plan_for("/runs/out");
  p.files.push_back({"Lastly.txt", group_key("V1", "probeOutputFile")});
  CHECK_NOTHROW(check_output_plan(p));
}

TEST_CASE("bad group names and file names are refused at the group and key", "[output][safety]") {
  OutputPlan p = plan_for("/runs/out");
  p.groups.push_back({"../X", {"net.lua", 30}});
  ParamError e = refusal(p);
  CHECK(e.group() == "../X");
  CHECK(e.where().line == 30);

  p = plan_for("/runs/out");
  p.files.push_back({"../escape.txt", group_key("V1", "probeOutputFile")});
  e = refusal(p);
  CHECK(e.group() == "V1");
  CHECK(e.key() == "probeOutputFile");

  p = plan_for("/runs/out");
  p.output_dir = "";
  CHECK(refusal(p).key() == "outputPath");
}
