// Helpers for the input-layer tests: small generated images, and input layers built from a
// params group and run step by step without a column.
#pragma once
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/comm/communicator.hpp"
#include "core/io/png_image.hpp"
#include "core/object_table.hpp"
#include "core/registry.hpp"
#include "layers/input_layer.hpp"
#include "layers/register_layers.hpp"
#include "params/param_group.hpp"
#include "tests/support/temp_dir.hpp"

namespace spv::test {

// An image whose value at (x, y, c) is fn(x, y, c).
template <class Fn>
Image make_image(int width, int height, int channels, Fn fn) {
  Image im{width, height, channels, std::vector<float>(std::size_t(width) * height * channels)};
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < channels; ++c) im.at(x, y, c) = float(fn(x, y, c));
  return im;
}

// Pixel values that survive an 8-bit round trip exactly: k / 255.
inline float level(int k) { return float(k) / 255.0f; }

// A column-free setting: a global nx x ny layer, nbatch batch elements, dt = 1, one process unless `comm` says else.
struct InputRig {
  LocalCommunicator local;
  Communicator* comm = &local;
  RunContext ctx;
  ObjectTable table;
  std::unique_ptr<Object> object;
  InputLayer* layer = nullptr;

  InputRig(int nx, int ny, int nbatch = 1) {
    ctx.params_file = "inputs_test.lua";
    ctx.nx = nx;
    ctx.ny = ny;
    ctx.nbatch = nbatch;
    ctx.dt = 1.0;
    ctx.random_seed = 1234;
    ctx.comm = comm;
  }

  std::string name = "Input";  // of the layer built
  // Creates the layer of `type` from `group` (named `name`) through the registered factory.
  InputLayer& create(const std::string& type, ParamGroup group) {
    Registry registry;
    register_layers(registry);
    group.type = type;
    group.name = name;
    group.where = {ctx.params_file, 10};
    object = registry.find(type)->make(group);
    layer = dynamic_cast<InputLayer*>(object.get());
    return *layer;
  }
  // Passes 3 to 5, as the column runs them.
  InputLayer& build(const std::string& type, ParamGroup group, Halo halo = {}) {
    create(type, std::move(group));
    ctx.comm = comm;
    layer->resolve(table, ctx);
    layer->require_halo(halo);
    layer->allocate(ctx);
    layer->initialize(ctx);
    layer->open_outputs(ctx);
    return *layer;
  }
  // The step ending at t = step * dt.
  void step_to(long step) {
    StepInfo s{step, step * ctx.dt, ctx.dt};
    layer->step(s, ctx);
  }
  // The interior of A for local batch element b, [y][x][f].
  std::vector<float> activity(int b = 0) const {
    const auto& g = layer->geometry();
    std::vector<float> out;
    auto a = layer->A();
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f) out.push_back(a[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)]);
    return out;
  }
};

// A params group from key/value pairs, each key located on its own line so errors can point at it.
inline ParamGroup group_of(std::vector<std::pair<std::string, ParamValue>> entries) {
  ParamGroup g;
  int line = 11;
  for (auto& [key, value] : entries) g.set(key, std::move(value), {"inputs_test.lua", line++});
  return g;
}

// The message of the E that fn throws; fails the test when fn returns normally or throws something else.
template <class E, class Fn>
std::string error_text(Fn fn) {
  try {
    fn();
  } catch (const E& e) {
    return e.what();
  }
  FAIL("the expected error was not thrown");
  return {};
}

inline ParamValue str(const std::string& s) { return ParamValue::string(s); }
inline ParamValue num(double v) { return ParamValue::number(v); }
inline ParamValue flag(bool v) { return ParamValue::boolean(v); }
inline ParamValue arr(std::vector<double> v) { return ParamValue::array(std::move(v)); }

}  // namespace spv::test
