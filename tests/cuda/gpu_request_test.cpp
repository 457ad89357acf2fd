// Asking for the GPU: -d picks one device per rank on a node; without -d every updateGpu / receiveGpu runs on the
// CPU, each listed by the column (and warned); with a device, a request on a type that has no kernels or across a
// CPU post layer is an error naming the group and key.
#include <catch2/catch.hpp>

#include "app/command_line.hpp"
#include "app/default_registry.hpp"
#include "app/device_choice.hpp"
#include "core/column.hpp"
#include "core/comm/communicator.hpp"
#include "lua/params_loader.hpp"
#include "tests/cuda/host_device_double.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;

namespace {

// The error message of building `lua` with this GPU (null: none selected), or "" when it builds.
std::string build_error(const std::string& lua, Backend* gpu) {
  test::TempDir dir;
  const std::string file = dir.write("net.lua", lua);
  LocalCommunicator comm;
  Registry registry = default_registry();
  ColumnOptions options;
  options.show_progress = false;
  options.gpu = gpu;
  try {
    Column column(load_params_file(file), registry, options, comm);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// The groups and keys whose GPU request the column placed on the CPU, built without a GPU.
std::vector<std::string> placed_on_cpu(const std::string& lua) {
  test::TempDir dir;
  const std::string file = dir.write("net.lua", lua);
  LocalCommunicator comm;
  Registry registry = default_registry();
  ColumnOptions options;
  options.show_progress = false;
  Column column(load_params_file(file), registry, options, comm);
  std::vector<std::string> placed;
  for (const ParamNotice& n : column.placed_on_cpu()) placed.push_back(n.group + "." + n.key);
  return placed;
}

std::string network(const std::string& error_extra, const std::string& code_extra, const std::string& conn_extra) {
  return R"(return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, stopTime = 2 },
  Input = { groupType = "ConstantLayer", nf = 1, phase = 0 },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 1, )" + error_extra + R"( },
  Code = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 4, phase = 2, )" + code_extra + R"( },
  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  CodeToError = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Error", channelCode = 1,
                  nxp = 4, nyp = 4, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
                  normalizeMethod = "none" },
  ErrorToCode = { groupType = "TransposeConn", preLayerName = "Error", postLayerName = "Code", channelCode = 0,
                  originalConnName = "CodeToError", )" + conn_extra + R"( },
})";
}

}  // namespace

TEST_CASE("-d gives each rank on a node its own device", "[gpu-request]") {
  REQUIRE(device_for_rank("0", 0) == 0);
  REQUIRE(device_for_rank("0,1", 1) == 1);
  REQUIRE(device_for_rank("3,2", 0) == 3);
  REQUIRE_THROWS_AS(device_for_rank("0,1", 2), UsageError);
  REQUIRE_THROWS_AS(device_for_rank("0,x", 0), UsageError);
  REQUIRE_THROWS_AS(device_for_rank("", 0), UsageError);
  REQUIRE_THROWS_AS(device_for_rank("-1", 0), UsageError);
}

TEST_CASE("GPU requests that cannot be met are errors naming group and key", "[gpu-request]") {
  test::HostDeviceDouble device;
  REQUIRE(build_error(network("updateGpu = true", "updateGpu = true", "receiveGpu = true"), &device).empty());

  // Without -d the requests run on the CPU, even those a device would refuse (a delivery into a CPU layer).
  REQUIRE(build_error(network("updateGpu = true", "", "receiveGpu = true"), nullptr).empty());
  REQUIRE(placed_on_cpu(network("updateGpu = true", "updateGpu = false", "receiveGpu = true")) ==
          std::vector<std::string>{"Error.updateGpu", "ErrorToCode.receiveGpu"});
  // A device delivery needs its post layer on the device.
  std::string e = build_error(network("", "", "receiveGpu = true"), &device);
  REQUIRE_THAT(e, Catch::Contains("\"ErrorToCode\"") && Catch::Contains("receiveGpu") && Catch::Contains("\"Code\""));
  // A type without device kernels.
  e = build_error(R"(return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, stopTime = 2 },
  Input = { groupType = "ConstantLayer", nf = 1, phase = 0, updateGpu = true },
})",
                  &device);
  REQUIRE_THAT(e, Catch::Contains("\"Input\"") && Catch::Contains("updateGpu") && Catch::Contains("CPU only"));
  // Non-shared weights deliver on the CPU only.
  e = build_error(R"(return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, stopTime = 2 },
  Code = { groupType = "ConstantLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 0 },
  Recon = { groupType = "HyPerLayer", nf = 1, phase = 1, updateGpu = true },
  Dict = { groupType = "HyPerConn", preLayerName = "Code", postLayerName = "Recon", channelCode = 0, nxp = 4, nyp = 4,
           weightInitType = "UniformRandomWeight", normalizeMethod = "none", sharedWeights = false,
           receiveGpu = true },
})",
                  &device);
  REQUIRE_THAT(e, Catch::Contains("\"Dict\"") && Catch::Contains("receiveGpu") && Catch::Contains("CPU only"));
}
