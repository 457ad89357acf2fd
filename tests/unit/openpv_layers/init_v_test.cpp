// OpenPV's V initialisers with their defaults: DiscreteUniformRandomV draws numValues equally spaced values from
// minV to maxV; maxV defaults to minV + 1 (UniformRandomV too).
#include <catch2/catch.hpp>

#include <map>

#include "core/io/pvp_format.hpp"
#include "tests/support/column_fixture.hpp"

using namespace spv;

namespace {

std::vector<float> initial_v(const test::TempDir& dir, const std::string& init) {
  test::write_file(dir / "net.lua", R"(return {
  column = { groupType = "HyPerCol", nx = 32, ny = 32, dt = 1, stopTime = 1, randomSeed = 1234567890 },
  L = { groupType = "HyPerLayer", nf = 4, )" +
                                        init + R"( },
})");
  test::ColumnRun run(dir / "net.lua");
  run.column->initialize();
  const auto v = run.get<Layer>("L").V();
  return {v.begin(), v.end()};
}

}  // namespace

TEST_CASE("DiscreteUniformRandomV draws only the numValues grid points, each about equally often",
          "[openpv_layers][initv]") {
  test::TempDir dir;
  const auto v = initial_v(dir, R"(InitVType = "DiscreteUniformRandomV", minV = -1, maxV = 2, numValues = 4)");
  REQUIRE(v.size() == 32 * 32 * 4);
  std::map<float, int> counts;
  for (float x : v) ++counts[x];
  // (maxV - minV) / (numValues - 1) = 1: the values -1, 0, 1, 2.
  REQUIRE(counts.size() == 4);
  CHECK(counts.begin()->first == -1.0f);
  CHECK(counts.rbegin()->first == 2.0f);
  CHECK(counts.count(0.0f) == 1);
  CHECK(counts.count(1.0f) == 1);
  // 4096 draws, 1024 expected per value; 5 standard deviations (sqrt(4096 * 1/4 * 3/4) = 27.7) is 139.
  for (const auto& [value, n] : counts) CHECK(std::abs(n - 1024) < 139);
}

TEST_CASE("maxV defaults to minV + 1, as in OpenPV", "[openpv_layers][initv]") {
  test::TempDir dir;
  for (float x : initial_v(dir, R"(InitVType = "DiscreteUniformRandomV", minV = 3)")) CHECK((x == 3.0f || x == 4.0f));
  const auto u = initial_v(dir, R"(InitVType = "UniformRandomV", minV = 5)");
  for (float x : u) CHECK((x >= 5.0f && x <= 6.0f));
}

TEST_CASE("numValues below 2 is refused", "[openpv_layers][initv]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(initial_v(dir, R"(InitVType = "DiscreteUniformRandomV", numValues = 1)"),
                    Catch::Contains("numValues"));
}

TEST_CASE("InitVFromFile reads frame frameNumber * nbatch + b, wrapping, negative from the end",
          "[openpv_layers][initv]") {
  test::TempDir dir;
  // Four frames of a 2 x 1 x 1 layer; frame k holds k + 10 everywhere.
  PvpActivityFileWriter w(dir / "v.pvp", PvpType::Dense, 2, 1, 1, 1);
  for (int k = 0; k < 4; ++k) w.write_frame(k, std::vector<float>{k + 10.0f, k + 10.0f});
  w.close();
  auto first_values = [&](int frame_number, int nbatch) {
    test::write_file(dir / "net.lua", R"(return {
  column = { groupType = "HyPerCol", nx = 2, ny = 1, dt = 1, stopTime = 1, nbatch = )" +
                                          std::to_string(nbatch) + R"( },
  L = { groupType = "ConstantLayer", nf = 1, InitVType = "InitVFromFile", Vfilename = ")" +
                                          (dir / "v.pvp").string() + R"(", frameNumber = )" +
                                          std::to_string(frame_number) + R"( },
})");
    test::ColumnRun run(dir / "net.lua");
    run.column->initialize();
    std::vector<float> per_batch;
    const auto v = run.get<Layer>("L").V();
    for (int b = 0; b < nbatch; ++b) per_batch.push_back(v[std::size_t(b) * 2]);
    return per_batch;
  };
  CHECK(first_values(0, 1) == std::vector<float>{10});
  CHECK(first_values(1, 1) == std::vector<float>{11});
  CHECK(first_values(-1, 1) == std::vector<float>{13});
  CHECK(first_values(5, 1) == std::vector<float>{11});
  // nbatch 2: frame 1 is frames 2 and 3; frame -1 the last two (2, 3); frame 3 wraps to 6 mod 4 = 2.
  CHECK(first_values(1, 2) == std::vector<float>{12, 13});
  CHECK(first_values(-1, 2) == std::vector<float>{12, 13});
  CHECK(first_values(3, 2) == std::vector<float>{12, 13});
  CHECK(first_values(0, 2) == std::vector<float>{10, 11});
}
