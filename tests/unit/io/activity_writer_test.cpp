#include <catch2/catch.hpp>

#include "core/comm/communicator.hpp"
#include "core/io/activity_writer.hpp"
#include "core/io/output_directory.hpp"
#include "tests/unit/io/io_test_support.hpp"

using Catch::Matchers::Contains;
using namespace spv;
using namespace spv::test;
namespace fs = std::filesystem;

namespace {

LayerGeometry haloed_geometry() {
  LayerGeometry g;
  g.nx_global = g.nx = 5;
  g.ny_global = g.ny = 3;
  g.nf = 2;
  g.nbatch_global = g.nbatch = 2;
  g.halo = {.lt = 2, .rt = 1, .dn = 1, .up = 3};  // uneven, so a swapped side shows
  return g;
}

float interior_value(double time, int b, int x, int y, int f) {
  return float(time) * 100.0f + float(b) * 10.0f + float(y) + 0.25f * float(x) + 0.0625f * float(f) + 1.0f;
}

// Interior cells get interior_value, halo cells a sentinel that must never reach the file.
std::vector<float> extended_activity(const LayerGeometry& g, double time) {
  std::vector<float> a(std::size_t(g.nbatch) * g.neurons_ext(), -999.0f);
  for (int b = 0; b < g.nbatch; ++b)
    for (int y = 0; y < g.ny; ++y)
      for (int x = 0; x < g.nx; ++x)
        for (int f = 0; f < g.nf; ++f)
          a[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)] = interior_value(time, b, x, y, f);
  return a;
}

}  // namespace

TEST_CASE("activity writer extracts the interior of every batch element in order", "[activity_writer]") {
  TempDir tmp;
  const LayerGeometry g = haloed_geometry();
  LocalCommunicator comm;
  OutputDirectory out(tmp / "run", true);
  out.open();
  ActivityWriter writer(out, "Input.pvp", g, PvpType::Dense, comm);
  writer.write(1.0, extended_activity(g, 1.0));
  writer.write(2.0, extended_activity(g, 2.0));
  CHECK(writer.frames_written() == 4);
  writer.close();
  CHECK(fs::exists(tmp / "run" / "Input.pvp.part"));
  CHECK_FALSE(fs::exists(tmp / "run" / "Input.pvp"));
  out.commit();

  const ActivityFile file = read_activity_file(tmp / "run" / "Input.pvp");
  CHECK(file.header.nx == 5);
  CHECK(file.header.ny == 3);
  CHECK(file.header.nf == 2);
  CHECK(file.header.nbatch == 2);
  CHECK(file.header.time == 1.0);
  REQUIRE(file.frames.size() == 4);
  for (int t = 0; t < 2; ++t) {
    for (int b = 0; b < 2; ++b) {
      const ActivityFrame& frame = file.frames[std::size_t(t * 2 + b)];
      CHECK(frame.time == t + 1.0);
      REQUIRE(frame.values.size() == g.neurons());
      for (int y = 0; y < g.ny; ++y)
        for (int x = 0; x < g.nx; ++x)
          for (int f = 0; f < g.nf; ++f) CHECK(frame.values[g.index(x, y, f)] == interior_value(t + 1.0, b, x, y, f));
    }
  }
}

TEST_CASE("activity writer writes sparse files and is rolled back with its directory", "[activity_writer]") {
  TempDir tmp;
  LayerGeometry g = haloed_geometry();
  LocalCommunicator comm;
  {
    OutputDirectory out(tmp / "run", true);
    out.open();
    ActivityWriter writer(out, "L1.pvp", g, PvpType::SparseValues, comm);
    auto a = extended_activity(g, 0.5);
    a[g.ext_index(1, 1, 0)] = 0.0f;  // one silent neuron of batch element 0
    writer.write(0.5, a);
    writer.close();
    const ActivityFile file = read_activity_file(tmp / "run" / "L1.pvp.part");
    REQUIRE(file.frames.size() == 2);
    CHECK(file.frames[0].values[g.index(1, 1, 0)] == 0.0f);
    CHECK(file.frames[0].values[g.index(2, 1, 0)] == interior_value(0.5, 0, 2, 1, 0));
    CHECK(file.frames[1].values[g.index(4, 2, 1)] == interior_value(0.5, 1, 4, 2, 1));
  }  // neither commit nor rollback: the run failed
  CHECK_FALSE(fs::exists(tmp / "run"));
}

TEST_CASE("activity writer rejects a buffer of the wrong size", "[activity_writer][errors]") {
  TempDir tmp;
  const LayerGeometry g = haloed_geometry();
  LocalCommunicator comm;
  OutputDirectory out(tmp / "run", true);
  out.open();
  ActivityWriter writer(out, "A.pvp", g, PvpType::Dense, comm);
  std::vector<float> restricted(std::size_t(g.nbatch) * g.neurons(), 1.0f);
  CHECK_THROWS_AS(writer.write(1.0, restricted), GeometryError);
}
