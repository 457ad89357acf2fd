#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "input_fixtures.hpp"
#include "params/error.hpp"

using namespace spv;
using namespace spv::test;

namespace {

// An input layer and a FilenameParsingLayer reading it, built and stepped as the column runs them.
struct LabelRig {
  LocalCommunicator local;
  RunContext ctx;
  ObjectTable table;
  std::vector<Layer*> layers;  // in resolve order: the input first

  LabelRig(int nx, int ny, int nbatch) {
    ctx.params_file = "labels_test.lua";
    ctx.nx = nx;
    ctx.ny = ny;
    ctx.nbatch = nbatch;
    ctx.dt = 1.0;
    ctx.comm = &local;
  }
  void add(const std::string& type, const std::string& name, ParamGroup group) {
    Registry registry;
    register_layers(registry);
    group.type = type;
    group.name = name;
    group.where = {ctx.params_file, 10};
    auto object = registry.find(type)->make(group);
    layers.push_back(dynamic_cast<Layer*>(object.get()));
    table.add(std::move(object));
  }
  void build() {
    for (Layer* l : layers) l->resolve(table, ctx);
    for (Layer* l : layers) l->allocate(ctx);
    for (Layer* l : layers) l->initialize(ctx);
  }
  void step_to(long step) {
    StepInfo s{step, double(step), 1.0};
    for (Layer* l : layers) l->step(s, ctx);
  }
  // Every restricted neuron's features of batch element b of the labels layer, which must all agree.
  std::vector<float> label(int b) const {
    const Layer& l = *layers.back();
    const auto& g = l.geometry();
    auto a = l.A();
    const float* first = a.data() + std::size_t(b) * g.neurons_ext() + g.ext_index(0, 0, 0);
    std::vector<float> out(first, first + g.nf);
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f)
          if (a[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)] != out[std::size_t(f)])
            FAIL("neuron (" << x << ", " << y << ") of batch element " << b << " differs from neuron (0, 0)");
    return out;
  }
};

// Four flat images whose names hold none, one or two of the classes "quokka", "okapi", "zebra".
std::string write_inputs(const TempDir& dir) {
  const char* names[] = {"quokka_1.png", "okapi_and_quokka.png", "zebra7.png", "fish.png"};
  std::string list;
  for (const char* n : names) {
    write_png(dir / n, make_image(2, 2, 1, [](int, int, int) { return 0.5; }));
    list += std::string(n) + "\n";
  }
  write_file(dir / "list.txt", list);
  write_file(dir / "classes.txt", "quokka\nokapi\nzebra\n");
  return (dir / "list.txt").string();
}

}  // namespace

TEST_CASE("FilenameParsingLayer labels each batch element with the classes its file's name holds", "[labels]") {
  TempDir dir;
  const std::string list = write_inputs(dir);
  LabelRig rig(4, 4, 2);
  rig.add("ImageLayer", "Input", group_of({{"inputPath", str(list)}, {"displayPeriod", num(2)}, {"phase", num(1)}}));
  rig.add("FilenameParsingLayer", "Labels",
          group_of({{"nf", num(3)},
                    {"nxScale", num(0.5)},
                    {"nyScale", num(0.5)},
                    {"inputLayerName", str("Input")},
                    {"classList", str((dir / "classes.txt").string())}}));
  rig.build();
  // Before the first update A is 0, as in OpenPV.
  CHECK(rig.label(0) == std::vector<float>{0, 0, 0});
  // byFile with nbatch 2: frame k shows entries 2k and 2k + 1 (mod 4); the default values are 1 and -1.
  const std::vector<float> quokka{1, -1, -1}, both{1, 1, -1}, zebra{-1, -1, 1}, none{-1, -1, -1};
  const std::vector<std::vector<float>> expected[] = {{quokka, both}, {quokka, both}, {zebra, none},
                                                      {zebra, none},  {quokka, both}, {quokka, both}};
  for (long t = 1; t <= 6; ++t) {
    rig.step_to(t);
    INFO("t = " << t);
    CHECK(rig.label(0) == expected[t - 1][0]);
    CHECK(rig.label(1) == expected[t - 1][1]);
    CHECK(rig.layers.back()->fires_at(double(t), 1.0) == (t % 2 == 1));
  }
}

TEST_CASE("FilenameParsingLayer takes gtClassTrueValue and gtClassFalseValue", "[labels]") {
  TempDir dir;
  const std::string list = write_inputs(dir);
  LabelRig rig(2, 2, 1);
  rig.add("ImageLayer", "Input", group_of({{"inputPath", str(list)}, {"displayPeriod", num(1)}}));
  rig.add("FilenameParsingLayer", "Labels",
          group_of({{"nf", num(3)},
                    {"inputLayerName", str("Input")},
                    {"classList", str((dir / "classes.txt").string())},
                    {"gtClassTrueValue", num(0.75)},
                    {"gtClassFalseValue", num(0)}}));
  rig.build();
  rig.step_to(1);
  CHECK(rig.label(0) == std::vector<float>{0.75f, 0, 0});
  rig.step_to(2);
  CHECK(rig.label(0) == std::vector<float>{0.75f, 0.75f, 0});
}

TEST_CASE("FilenameParsingLayer errors name the key", "[labels][errors]") {
  TempDir dir;
  const std::string list = write_inputs(dir);
  LabelRig rig(2, 2, 1);
  rig.add("ImageLayer", "Input", group_of({{"inputPath", str(list)}}));
  SECTION("nf must be the number of classes") {
    rig.add(
        "FilenameParsingLayer", "Labels",
        group_of(
            {{"nf", num(4)}, {"inputLayerName", str("Input")}, {"classList", str((dir / "classes.txt").string())}}));
    CHECK_THAT(error_text<ParamError>([&] { rig.build(); }), Catch::Contains("nf") && Catch::Contains("classes.txt") &&
                                                                 Catch::Contains("3 lines") &&
                                                                 Catch::Contains("\"Labels\""));
  }
  SECTION("inputLayerName must be an input layer") {
    rig.add("HyPerLayer", "Plain", group_of({}));
    rig.add(
        "FilenameParsingLayer", "Labels",
        group_of(
            {{"nf", num(3)}, {"inputLayerName", str("Plain")}, {"classList", str((dir / "classes.txt").string())}}));
    CHECK_THAT(error_text<ParamError>([&] { rig.build(); }),
               Catch::Contains("inputLayerName") && Catch::Contains("HyPerLayer"));
  }
  SECTION("a missing class list") {
    rig.add("FilenameParsingLayer", "Labels",
            group_of(
                {{"nf", num(3)}, {"inputLayerName", str("Input")}, {"classList", str((dir / "absent.txt").string())}}));
    CHECK_THAT(error_text<IoError>([&] { rig.build(); }),
               Catch::Contains("absent.txt") && Catch::Contains("classList") && Catch::Contains("\"Labels\""));
  }
}
