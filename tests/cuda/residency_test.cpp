// Device residency without a GPU: the tutorial network with its layers and convolutions on a host-memory device
// double (tests/cuda/host_device_double.hpp) gives the CPU run's energies, activity and state bit for bit, so
// every sync point between mirrors and host is in place; and the step loop allocates nothing.
#include <catch2/catch.hpp>

#include <vector>

#include "app/default_registry.hpp"
#include "core/column.hpp"
#include "core/comm/communicator.hpp"
#include "core/device_mirror.hpp"
#include "core/probe.hpp"
#include "lua/params_loader.hpp"
#include "tests/cuda/host_device_double.hpp"
#include "tests/support/temp_dir.hpp"
#include "tools/bars.hpp"
#include "connections/conv_connection.hpp"
#include "core/io/pvp_format.hpp"

using namespace spv;

namespace {

struct Run {
  LocalCommunicator comm;
  Registry registry = default_registry();
  std::unique_ptr<Column> column;
  Run(const std::string& file, Backend* gpu) {
    ColumnOptions options;
    options.show_progress = false;
    options.gpu = gpu;
    column = std::make_unique<Column>(load_params_file(file), registry, options, comm);
    column->initialize();
  }
  Layer& layer(const std::string& name) const { return dynamic_cast<Layer&>(*column->objects().find(name)); }
};

}  // namespace

TEST_CASE("the tutorial on a device double equals the CPU run bit for bit", "[residency]") {
  const std::string src = SPV_SOURCE_DIR;
  Run cpu(src + "/lua/examples/lca_tutorial.lua", nullptr);
  test::HostDeviceDouble device;
  Run gpu(src + "/tests/cuda/tutorial_gpu.lua", &device);
  REQUIRE(gpu.layer("V1").on_device());
  REQUIRE(!gpu.layer("Input").on_device());
  const long allocations_after_build = device.allocations;
  for (int step = 0; step < 40; ++step) {
    cpu.column->advance();
    gpu.column->advance();
    for (const char* name : {"InputError", "V1", "InputRecon"}) {
      INFO(name << " after step " << step + 1);
      const Layer& c = cpu.layer(name);
      const Layer& g = gpu.layer(name);
      REQUIRE(std::vector<float>(g.A().begin(), g.A().end()) == std::vector<float>(c.A().begin(), c.A().end()));
      REQUIRE(std::vector<float>(g.V().begin(), g.V().end()) == std::vector<float>(c.V().begin(), c.V().end()));
    }
  }
  REQUIRE(device.allocations == allocations_after_build);
  REQUIRE(device.uploads > 0);
  REQUIRE(device.downloads > 0);
}

TEST_CASE("a device layer's state crosses to the host only when the host asks", "[residency]") {
  const std::string src = SPV_SOURCE_DIR;
  test::HostDeviceDouble device;
  Run gpu(src + "/tests/cuda/tutorial_gpu.lua", &device);
  gpu.column->advance();
  const Layer& v1 = gpu.layer("V1");
  v1.A();
  const long downloads = device.downloads;
  v1.A();  // nothing changed on the device since: no copy
  REQUIRE(device.downloads == downloads);
}

TEST_CASE("a mirror moves values only towards the side that is behind", "[residency]") {
  test::HostDeviceDouble device;
  std::vector<float> host = {1, 2, 3};
  DeviceMirror m(device, host);
  const long up0 = device.uploads;
  const float* d = m.device();  // host newest after construction: pushed once
  REQUIRE(device.uploads == up0 + 1);
  REQUIRE(d[1] == 2.0f);
  m.device();
  REQUIRE(device.uploads == up0 + 1);
  m.device_rw()[1] = 20.0f;  // a kernel wrote: the host is behind
  m.pull();
  REQUIRE(host[1] == 20.0f);
  const long down = device.downloads;
  m.pull();
  REQUIRE(device.downloads == down);
  m.host_will_write();
  host[2] = 30.0f;
  REQUIRE(m.device()[2] == 30.0f);
  m.zero_both();
  REQUIRE(host == std::vector<float>{0, 0, 0});
  REQUIRE(m.device()[0] == 0.0f);
}

TEST_CASE("a device run checkpoints and restarts into the CPU run's state", "[residency]") {
  const std::string src = SPV_SOURCE_DIR;
  test::TempDir dir;
  Run cpu(src + "/lua/examples/lca_tutorial.lua", nullptr);
  for (int step = 0; step < 10; ++step) cpu.column->advance();

  test::HostDeviceDouble device;
  LocalCommunicator comm;
  Registry registry = default_registry();
  auto column = [&](const std::string& out, const std::string& restart) {
    ColumnOptions options;
    options.show_progress = false;
    options.gpu = &device;
    options.output_path = (dir / out).string();
    options.restart_dir = restart;
    auto c = std::make_unique<Column>(load_params_file(src + "/tests/cuda/tutorial_gpu.lua"), registry, options, comm);
    c->initialize();
    c->open_outputs();
    return c;
  };
  {
    auto first = column("a", "");
    for (int step = 0; step < 5; ++step) first->advance();
    first->write_checkpoint(dir / "checkpoint");
    first->finish();
  }
  auto second = column("a", (dir / "checkpoint").string());  // a restart continues the same outputs
  for (int step = 0; step < 5; ++step) second->advance();
  for (const char* name : {"InputError", "V1", "InputRecon"}) {
    INFO(name);
    const Layer& c = cpu.layer(name);
    const Layer& g = dynamic_cast<const Layer&>(*second->objects().find(name));
    REQUIRE(std::vector<float>(g.A().begin(), g.A().end()) == std::vector<float>(c.A().begin(), c.A().end()));
    REQUIRE(std::vector<float>(g.V().begin(), g.V().end()) == std::vector<float>(c.V().begin(), c.V().end()));
  }
}

TEST_CASE("bars learning with its layers and the transpose on a device double equals the CPU run", "[residency]") {
  // The learner reads V1's code and Error's residual on the host at each weight update; the transpose reads the
  // learned weights on the device at the next step. Either sync missing shows as different weights.
  const std::string src = SPV_SOURCE_DIR;
  test::TempDir dir;
  {
    PvpActivityFileWriter writer(dir / "bars.pvp", PvpType::Dense, 16, 16, 1, 1);
    for (int k = 0; k < 12; ++k) writer.write_frame(double(k), bars::image(16, 0.125, 1, std::uint64_t(k)));
    writer.close();
  }
  auto net = [&](const std::string& name, bool gpu) {
    return dir.write(name, "local net = dofile('" + src + "/lua/examples/bars.lua')\n" + "net.Input.inputPath = '" +
                               (dir / "bars.pvp").string() + "'\n" +
                               "net.column.stopTime = 12 * net.Input.displayPeriod\n" +
                               (gpu ? "net.Error.updateGpu = true\nnet.V1.updateGpu = true\n"
                                      "net.ErrorToV1.receiveGpu = true\n"
                                    : "") +
                               "return net\n");
  };
  Run cpu(net("cpu.lua", false), nullptr);
  test::HostDeviceDouble device;
  Run gpu(net("gpu.lua", true), &device);
  REQUIRE(gpu.layer("V1").on_device());
  REQUIRE(gpu.layer("Error").on_device());
  auto weights = [](Run& r) {
    auto& c = dynamic_cast<ConvConnection&>(*r.column->objects().find("V1ToError"));
    const auto v = c.current_weights().values();
    return std::vector<float>(v.begin(), v.end());
  };
  const std::vector<float> initial = weights(cpu);
  for (int step = 0; step < 12 * 40; ++step) {
    cpu.column->advance();
    gpu.column->advance();
    INFO("after step " << step + 1);
    REQUIRE(std::vector<float>(gpu.layer("V1").A().begin(), gpu.layer("V1").A().end()) ==
            std::vector<float>(cpu.layer("V1").A().begin(), cpu.layer("V1").A().end()));
    REQUIRE(weights(gpu) == weights(cpu));
  }
  REQUIRE(weights(cpu) != initial);  // the weights did learn
}
