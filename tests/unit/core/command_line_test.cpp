// The command line keeps OpenPV's spellings and names the offending option in every error.
#include <catch2/catch.hpp>

#include "app/command_line.hpp"

using namespace spv;

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
