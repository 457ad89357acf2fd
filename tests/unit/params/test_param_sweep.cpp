// OpenPV's ParameterSweep: run i takes the i-th value of every sweep; outputPath and checkpointWriteDir get a
// paramsweep_<i> directory (zero-padded) unless swept.
#include <catch2/catch.hpp>

#include "params/legacy_params_parser.hpp"
#include "params/param_sweep.hpp"

using namespace spv;

namespace {

const char* const kColumn = R"(
HyPerCol "column" = {
    nx = 8; ny = 8; dt = 1; stopTime = 2; outputPath = "out/"; checkpointWriteDir = "ckpt";
};
ConstantLayer "Input" = { nf = 1; InitVType = "ConstantV"; valueV = 1; };
)";

std::string value_of(const SweepRun& run, const std::string& group, const std::string& key) {
  const ParamEntry* e = run.doc.find(group)->find(key);
  REQUIRE(e != nullptr);
  return e->value.to_params_text();
}

}  // namespace

TEST_CASE("A file without sweeps is one run, unchanged", "[params][sweep]") {
  const ParamDocument doc = parse_params_text(kColumn, "a.params");
  const auto runs = expand_parameter_sweeps(doc);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].directory.empty());
  CHECK(value_of(runs[0], "column", "outputPath") == "\"out/\"");
}

TEST_CASE("Each sweep value makes a run with its own output and checkpoint directories", "[params][sweep]") {
  std::string text = std::string(kColumn) + R"(
ParameterSweep "Input":valueV = { 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; };
ParameterSweep "Input":nf = { 1; 1; 1; 1; 1; 1; 1; 1; 1; 1; 2; };
)";
  const auto runs = expand_parameter_sweeps(parse_params_text(text, "a.params"));
  REQUIRE(runs.size() == 11);
  CHECK(value_of(runs[0], "Input", "valueV") == "1");
  CHECK(value_of(runs[10], "Input", "valueV") == "11");
  CHECK(value_of(runs[10], "Input", "nf") == "2");
  // Eleven runs: two digits, so the directories sort in run order.
  CHECK(runs[0].directory == "paramsweep_00");
  CHECK(value_of(runs[3], "column", "outputPath") == "\"out/paramsweep_03/\"");
  CHECK(value_of(runs[3], "column", "checkpointWriteDir") == "\"ckpt/paramsweep_03/\"");
  for (const auto& r : runs) CHECK(r.doc.find("Input:valueV") == nullptr);  // the sweep groups are gone
  CHECK(runs[1].settings == "Input:valueV = 2, Input:nf = 1");
}

TEST_CASE("A swept outputPath is used as given", "[params][sweep]") {
  std::string text = std::string(kColumn) + R"(
ParameterSweep "column":outputPath = { "a/"; "b/"; };
ParameterSweep "Input":valueV = { 1; 2; };
)";
  const auto runs = expand_parameter_sweeps(parse_params_text(text, "a.params"));
  REQUIRE(runs.size() == 2);
  CHECK(runs[1].directory.empty());
  CHECK(value_of(runs[1], "column", "outputPath") == "\"b/\"");
  CHECK(value_of(runs[1], "column", "checkpointWriteDir") == "\"ckpt/paramsweep_1/\"");
}

TEST_CASE("Sweeps that cannot run are refused naming the sweep", "[params][sweep]") {
  auto error_of = [](const std::string& extra) {
    try {
      expand_parameter_sweeps(parse_params_text(std::string(kColumn) + extra, "a.params"));
    } catch (const ParamError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error_of("ParameterSweep \"Input\":valueV = { 1; 2; };\nParameterSweep \"Input\":nf = { 1; };\n"),
             Catch::Contains("Input:nf") && Catch::Contains("same number"));
  CHECK_THAT(error_of("ParameterSweep \"Missing\":valueV = { 1; 2; };\n"),
             Catch::Contains("no group \"Missing\"") && Catch::Contains("a.params:"));
  CHECK_THAT(error_of("BatchSweep \"Input\":valueV = { 1; 2; };\n"), Catch::Contains("BatchSweep is not supported"));
}
