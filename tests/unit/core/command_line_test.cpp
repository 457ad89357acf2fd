// The command line keeps OpenPV's spellings and names the offending option in every error.
#include <catch2/catch.hpp>

#include <fstream>

#include "app/command_line.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;
using spv::test::TempDir;

TEST_CASE("OpenPV-style and GNU-style options parse to the same settings", "[cli]") {
  CommandLine a = parse_command_line({"-p", "net.lua", "-o", "out", "-t", "2", "-s", "7", "-rows", "2", "-n"});
  CHECK(a.params_file == "net.lua");
  CHECK(a.output_path == "out");
  CHECK(*a.threads == 2);
  CHECK(*a.seed == 7);
  CHECK(*a.rows == 2);
  CHECK(a.dry_run);
  CommandLine b = parse_command_line({"--params", "net.lua", "--output", "out", "--threads", "2", "--seed", "7"});
  CHECK(b.params_file == a.params_file);
  CHECK(*b.threads == 2);
}

TEST_CASE("bad command lines are usage errors naming the option", "[cli]") {
  CHECK_THROWS_WITH(parse_command_line({"-p"}), Catch::Contains("-p") && Catch::Contains("needs a value"));
  CHECK_THROWS_WITH(parse_command_line({"-p", "x.lua", "-t", "two"}), Catch::Contains("-t"));
  CHECK_THROWS_WITH(parse_command_line({"-p", "x.lua", "--frobnicate"}), Catch::Contains("--frobnicate"));
  CHECK_THROWS_WITH(parse_command_line({"-o", "out"}), Catch::Contains("-p FILE"));
  CHECK_NOTHROW(parse_command_line({"--describe", "HyPerLCALayer"}));
}

TEST_CASE("a repeated, empty or contradictory option is an error naming it", "[cli]") {
  CHECK_THROWS_WITH(parse_command_line({"-p", "a.lua", "--params", "b.lua"}),
                    Catch::Contains("given twice") && Catch::Contains("--params") && Catch::Contains("option -p"));
  CHECK_THROWS_WITH(parse_command_line({"-p", "a.lua", "-n", "-n"}), Catch::Contains("-n is given twice"));
  CHECK_THROWS_WITH(parse_command_line({"-p", ""}), Catch::Contains("-p needs a non-empty value"));
  // A path option never swallows the next option as its value.
  CHECK_THROWS_WITH(parse_command_line({"-p", "a.lua", "-o", "-n"}),
                    Catch::Contains("-o needs a value") && Catch::Contains("\"-n\""));
  CHECK_THROWS_WITH(parse_command_line({"-p", "a.lua", "-r", "-c", "ck"}), Catch::Contains("contradict"));
  CHECK_THROWS_WITH(parse_command_line({"--describe", "-p", "a.lua"}), Catch::Contains("--describe"));
  CHECK_THROWS_WITH(parse_command_line({"-p", "a.lua", "-rows", "0"}),
                    Catch::Contains("-rows") && Catch::Contains("at least 1"));
  CHECK_THROWS_WITH(parse_command_line({"-p", "a.lua", "-t", "0"}), Catch::Contains("-t"));
  CHECK_THROWS_WITH(parse_command_line({"-p", "a.lua", "-s", "1e3"}), Catch::Contains("-s needs a whole number"));
  CHECK_THROWS_WITH(parse_command_line({"-p", "a.lua", "--dry-rn"}), Catch::Contains("did you mean \"--dry-run\""));
}

TEST_CASE("OpenPV's flags keep their meaning", "[cli]") {
  // A bare -t asks for the default thread count, as OpenPV's does; -t N sets it.
  CHECK_FALSE(parse_command_line({"-p", "a.lua", "-t"}).threads.has_value());
  CHECK_FALSE(parse_command_line({"-p", "a.lua", "-t", "-n"}).threads.has_value());
  CHECK(*parse_command_line({"-t", "3", "-p", "a.lua"}).threads == 3);
  CommandLine cl = parse_command_line({"-p", "a.lua", "-w", "work", "-shuffle", "17", "--require-return"});
  CHECK(cl.working_dir == "work");
  CHECK(*cl.shuffle_seed == 17u);
  CHECK(cl.require_return);
  CHECK_FALSE(parse_command_line({"-p", "a.lua", "-shuffle", "0"}).shuffle_seed.has_value());  // 0: file order
  CHECK(parse_command_line({"-p", "a.lua", "-batchwidth", "2"}).batch_width == 2);
}

TEST_CASE("an OpenPV config file gives the options as Argument:value lines", "[cli]") {
  TempDir dir;
  const std::string path = (dir.path() / "run.cfg").string();
  {
    std::ofstream f(path);
    f << "# a comment, then a blank line\n\n"
         "ParamsFile: net.params\n  OutputPath :out/run1  \nNumThreads:-\nDryRun:true\nRestart:false\n"
         "RandomSeed:1234\nNumRows:2\nShuffleParamGroups:5\nCheckpointCellNumRows:1\n";
  }
  CommandLine cl = parse_command_line({path, "--require-return", "-q"});
  CHECK(cl.config_file == path);
  CHECK(cl.params_file == "net.params");
  CHECK(cl.output_path == "out/run1");
  CHECK_FALSE(cl.threads.has_value());
  CHECK(cl.dry_run);
  CHECK_FALSE(cl.restart_newest);
  CHECK(*cl.seed == 1234u);
  CHECK(*cl.rows == 2);
  CHECK(*cl.shuffle_seed == 5u);
  CHECK(cl.require_return);
  CHECK(cl.quiet);
  REQUIRE(cl.notes.size() == 1);  // the checkpoint-cell size changes nothing here, and says so
  CHECK_THAT(cl.notes[0],
             Catch::Contains(path + ":11") && Catch::Contains("CheckpointCellNumRows") && Catch::Contains("no effect"));
  // The same option in the file and on the command line is a repeat, named with both places.
  CHECK_THROWS_WITH(parse_command_line({path, "-o", "elsewhere"}),
                    Catch::Contains("given twice") && Catch::Contains(path + ":4"));
}

TEST_CASE("a bad config file is an error naming the file and line", "[cli]") {
  TempDir dir;
  auto write = [&](const std::string& text) {
    const std::string path = (dir.path() / "bad.cfg").string();
    std::ofstream(path) << text;
    return path;
  };
  std::string p = write("ParamsFile: a.params\nOutputPth: out\n");
  CHECK_THROWS_WITH(parse_command_line({p}), Catch::Contains(p + ":2") && Catch::Contains("OutputPth") &&
                                                 Catch::Contains("did you mean \"OutputPath\""));
  p = write("ParamsFile a.params\n");
  CHECK_THROWS_WITH(parse_command_line({p}), Catch::Contains(p + ":1") && Catch::Contains("Argument:value"));
  p = write("ParamsFile: a.params\nDryRun: maybe\n");
  CHECK_THROWS_WITH(parse_command_line({p}), Catch::Contains(p + ":2") && Catch::Contains("true or false"));
  p = write("ParamsFile:\n");
  CHECK_THROWS_WITH(parse_command_line({p}), Catch::Contains("non-empty"));
  CHECK_THROWS_WITH(parse_command_line({(dir.path() / "missing.cfg").string()}), Catch::Contains("missing.cfg"));
  // A params file given without -p is not taken for a config file.
  CHECK_THROWS_WITH(parse_command_line({"net.lua"}), Catch::Contains("give it with -p net.lua"));
  CHECK_THROWS_WITH(parse_command_line({"input/a.params", "-t", "2"}), Catch::Contains("-p input/a.params"));
}
