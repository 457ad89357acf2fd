// DropoutLayer and GaussianNoiseLayer: the draws are Philox values of (randomSeed, the layer's stream, the neuron's
// global index, the step), recomputed here from that definition.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/rng.hpp"
#include "tests/unit/openpv_layers/net.hpp"

using namespace spv;
using test::a_of;
using test::v_of;

namespace {

constexpr int kNx = 64, kNf = 4, kBatch = 2;

// A 64 x 1 x 4 layer Out fed by Input = 1 + k/256 at neuron k (every A nonzero), nbatch 2.
std::unique_ptr<test::ColumnRun> run_of(test::TempDir& dir, const std::string& layer) {
  std::vector<float> input;
  for (int k = 0; k < kNx * kNf; ++k) input.push_back(1.0f + float(k) / 256.0f);
  const std::string groups =
      test::constant_layer(dir, "Input", kNf, input, kNx) + "  Out = " + layer + ",\n" + test::ident("Input", "Out", 0);
  auto run = std::make_unique<test::ColumnRun>(test::network(dir, kNx, groups, kBatch));
  run->column->initialize();
  return run;
}

RngKey key_of(const char* purpose) { return {7, hash_name("Out") ^ hash_name(purpose)}; }

}  // namespace

TEST_CASE("DropoutLayer: A = T(V), each neuron dropped when its draw mod 100 < probability",
          "[openpv_layers][dropout]") {
  test::TempDir dir;
  auto run = run_of(dir, "{ groupType = \"DropoutLayer\", phase = 1, nf = 4, probability = 30 }");
  const Layer& l = run->get<Layer>("Out");
  for (long step = 1; step <= 2; ++step) {
    run->column->advance();
    int dropped = 0;
    for (int b = 0; b < kBatch; ++b) {
      const auto a = a_of(l, b);
      for (int k = 0; k < kNx * kNf; ++k) {
        std::uint32_t w[4];
        philox4x32(key_of("Dropout"), std::uint64_t(b * kNx * kNf + k), std::uint64_t(step), w);
        const float expected = w[0] % 100u < 30u ? 0.0f : 1.0f + float(k) / 256.0f;
        CHECK(a[std::size_t(k)] == expected);
        dropped += expected == 0.0f;
      }
    }
    // 512 neurons at 30%: well within 4 standard deviations (about 10.4) of 153.6.
    CHECK(dropped > 110);
    CHECK(dropped < 200);
  }
  test::TempDir dir2;
  auto none = run_of(dir2, "{ groupType = \"DropoutLayer\", phase = 1, nf = 4 }");
  none->column->advance();
  // probability 0 (the default) drops nothing: A = V for every batch element.
  const auto v = v_of(none->get<Layer>("Out"));
  for (int b = 0; b < kBatch; ++b)
    CHECK(a_of(none->get<Layer>("Out"), b) ==
          std::vector<float>(v.begin() + b * kNx * kNf, v.begin() + (b + 1) * kNx * kNf));
  test::TempDir dir3;
  CHECK_THROWS_WITH(run_of(dir3, "{ groupType = \"DropoutLayer\", nf = 4, probability = 100 }"),
                    Catch::Contains("probability"));
}

TEST_CASE("GaussianNoiseLayer: A = V + mu + sigma N(0, 1), fresh each step", "[openpv_layers][noise]") {
  test::TempDir dir;
  auto run = run_of(dir, "{ groupType = \"GaussianNoiseLayer\", phase = 1, nf = 4, mu = 0.25, sigma = 2 }");
  const Layer& l = run->get<Layer>("Out");
  for (long step = 1; step <= 2; ++step) {
    run->column->advance();
    for (int b = 0; b < kBatch; ++b) {
      const auto a = a_of(l, b);
      for (int k = 0; k < kNx * kNf; ++k) {
        const float n =
            float(standard_normal(key_of("GaussianNoise"), std::uint64_t(b * kNx * kNf + k), std::uint64_t(step)));
        CHECK(a[std::size_t(k)] == (1.0f + float(k) / 256.0f) + (0.25f + 2.0f * n));
      }
    }
  }
}
