// The Communicator contract, written once and run at 1 process (the local implementation) and under mpirun -np 2
// and -np 4 (the MPI one): halo exchange against the serial layer with mirror and value boundaries, ordered sums
// that do not depend on the split, exact integer sums and maxima, gathers in global batch order, scatters of input
// frames (and input layers read on one rank per batch slice), checkpoint reads through the root, broadcast and
// agreement on errors. Every split of
// the process count is tried in turn; checks use CHECK, never REQUIRE, so that a failure on one rank cannot leave the
// others waiting in a collective.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "app/default_registry.hpp"
#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/checkpoint/checkpoint_staging.hpp"
#include "core/checkpoint/checkpoint_store.hpp"
#include "core/column.hpp"
#include "core/comm/make_communicator.hpp"
#include "core/errors.hpp"
#include "core/io/png_image.hpp"
#include "core/layer.hpp"
#include "lua/params_loader.hpp"
#include "tests/support/temp_dir.hpp"

using namespace spv;

namespace {

Communicator* world = nullptr;  // alive for the whole run, so MPI stays up while tests make their own splits

struct Split {
  int rows, columns, batch_width;
};

// Every rows x columns x batch width whose product is the number of processes.
std::vector<Split> splits() {
  std::vector<Split> out;
  const int n = world->size();
  for (int r = 1; r <= n; ++r)
    for (int c = 1; r * c <= n; ++c)
      if (n % (r * c) == 0) out.push_back({r, c, n / (r * c)});
  return out;
}

std::unique_ptr<Communicator> communicator(const Split& s) {
  return make_communicator(nullptr, nullptr, s.rows, s.columns, s.batch_width);
}

std::string split_name(const Split& s) {
  return std::to_string(s.rows) + "x" + std::to_string(s.columns) + " batch width " + std::to_string(s.batch_width);
}

// A value that names its neuron, exactly representable.
float neuron_value(int gb, int x, int y, int f) { return float(gb * 100000 + y * 1000 + x * 10 + f); }

// An 8x8x2 layer with random V (keyed by global neuron, so the same in every split) read through a patch that
// needs a halo of `halo_x` x `halo_y`, with the given boundary.
std::string network(int halo_x, int halo_y, const std::string& boundary) {
  return "return {\n"
         "  column = { groupType = \"HyPerCol\", nx = 8, ny = 8, nbatch = 4, dt = 1, stopTime = 1, randomSeed = 7 },\n"
         "  Source = { groupType = \"ConstantLayer\", nf = 2, InitVType = \"UniformRandomV\", minV = -1, maxV = 1, " +
         boundary +
         " },\n"
         "  Sink = { groupType = \"HyPerLayer\", nf = 1, phase = 1 },\n"
         "  Read = { groupType = \"HyPerConn\", preLayerName = \"Source\", postLayerName = \"Sink\", channelCode = 0,\n"
         "           nxp = " +
         std::to_string(2 * halo_x + 1) + ", nyp = " + std::to_string(2 * halo_y + 1) +
         ", weightInitType = \"UniformRandomWeight\", wMinInit = -1, wMaxInit = 1, normalizeMethod = \"none\" },\n"
         "}\n";
}

// Each tile's extended activity after initialisation (exchange, then boundary fill) must equal the same window of
// the serial layer's extended activity, corners included.
void check_halo_against_serial(int halo_x, int halo_y, const std::string& boundary) {
  test::TempDir dir;
  const std::string file = dir.write("net.lua", network(halo_x, halo_y, boundary));
  Registry registry = default_registry();
  ColumnOptions options;
  options.show_progress = false;
  LocalCommunicator local;
  Column serial(load_params_file(file), registry, options, local);
  serial.initialize();
  const auto& s = dynamic_cast<const Layer&>(*serial.objects().find("Source"));
  const LayerGeometry& sg = s.geometry();
  CHECK(sg.halo.lt == halo_x);
  CHECK(sg.halo.dn == halo_y);
  for (const Split& split : splits()) {
    if ((split.rows > 1 && 8 / split.rows < halo_y) || (split.columns > 1 && 8 / split.columns < halo_x))
      if (boundary.find("mirrorBCflag = true") != std::string::npos) continue;  // refused: see the layer's check
    INFO(split_name(split) << ", halo " << halo_x << "x" << halo_y << ", " << boundary);
    auto comm = communicator(split);
    Column tiled(load_params_file(file), registry, options, *comm);
    tiled.initialize();
    const auto& t = dynamic_cast<const Layer&>(*tiled.objects().find("Source"));
    const LayerGeometry& g = t.geometry();
    long mismatches = 0;
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = -g.halo.dn; y < g.ny + g.halo.up; ++y)
        for (int x = -g.halo.lt; x < g.nx + g.halo.rt; ++x)
          for (int f = 0; f < g.nf; ++f) {
            const float mine = t.A()[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, f)];
            const float want =
                s.A()[std::size_t(g.batch0 + b) * sg.neurons_ext() + sg.ext_index(g.kx0 + x, g.ky0 + y, f)];
            if (std::memcmp(&mine, &want, sizeof(float)) != 0) ++mismatches;
          }
    CHECK(mismatches == 0);
  }
}

}  // namespace

TEST_CASE("the halo holds the neighbours' neurons, and the serial layer's boundary at the global edge",
          "[mpi][halo]") {
  check_halo_against_serial(2, 2, "mirrorBCflag = true");
  // A halo of 3 rows is wider than a tile of 2 rows at 4 rows: the rows beyond come from the next tile but one.
  check_halo_against_serial(2, 3, "mirrorBCflag = false, valueBC = 0.25");
  check_halo_against_serial(1, 1, "mirrorBCflag = false, valueBC = 0");
}

TEST_CASE("a mirror halo wider than a tile is refused with the layer's name", "[mpi][halo]") {
  test::TempDir dir;
  const std::string file = dir.write("net.lua", network(2, 3, "mirrorBCflag = true"));
  Registry registry = default_registry();
  ColumnOptions options;
  options.show_progress = false;
  for (const Split& split : splits()) {
    if (split.rows < 4) continue;
    auto comm = communicator(split);
    std::string message;
    try {
      Column tiled(load_params_file(file), registry, options, *comm);
    } catch (const GeometryError& e) {
      message = e.what();
    }
    CHECK(message.find("\"Source\"") != std::string::npos);
    CHECK(message.find("halo") != std::string::npos);
  }
}

TEST_CASE("ordered_sum adds the ranks' partials in rank order, and every rank gets the sum", "[mpi][sum]") {
  for (const Split& split : splits()) {
    INFO(split_name(split));
    auto comm = communicator(split);
    const int n = comm->size(), rank = comm->rank();
    // Values whose sum depends on the order of addition.
    auto partial = [](int r, int i) { return (r % 2 ? 1e16 : 1.0) * (i + 1) * (r % 3 == 2 ? -1.0 : 1.0) + 0.1 * r; };
    std::vector<double> values(5);
    for (int i = 0; i < 5; ++i) values[std::size_t(i)] = partial(rank, i);
    comm->ordered_sum(values);
    for (int i = 0; i < 5; ++i) {
      double want = partial(0, i);
      for (int r = 1; r < n; ++r) want += partial(r, i);
      CHECK(values[std::size_t(i)] == want);
    }
  }
}

TEST_CASE("ordered_batch_sum adds in ascending global batch index, the same for every batch width", "[mpi][sum]") {
  const int nbatch = 4;
  const std::size_t length = 3;
  auto partial = [](int gb, std::size_t i) { return (gb % 2 ? 3.0e7f : 1.0f) * float(i + 1) + 0.1f * float(gb); };
  std::vector<double> want(length, 0.0);
  for (int gb = 0; gb < nbatch; ++gb)
    for (std::size_t i = 0; i < length; ++i) want[i] += double(partial(gb, i));
  for (const Split& split : splits()) {
    INFO(split_name(split));
    auto comm = communicator(split);
    const Decomposition& d = comm->decomposition();
    const int local = nbatch / d.batch_width, batch0 = d.batch_index() * local;
    // Each batch element's partial is split over its tiles: the first tile has it all, the others add zeros.
    const bool first_tile = d.row() == 0 && d.column() == 0;
    std::vector<float> partials(std::size_t(local) * length, 0.0f);
    for (int b = 0; b < local; ++b)
      for (std::size_t i = 0; i < length; ++i)
        if (first_tile) partials[std::size_t(b) * length + i] = partial(batch0 + b, i);
    std::vector<double> sum;
    comm->ordered_batch_sum(partials, length, batch0, nbatch, sum);
    REQUIRE(sum.size() == length);
    for (std::size_t i = 0; i < length; ++i) CHECK(sum[i] == want[i]);
  }
}

TEST_CASE("gathers assemble the layer on the root in global batch order", "[mpi][gather]") {
  for (const Split& split : splits()) {
    INFO(split_name(split));
    auto comm = communicator(split);
    const LayerGeometry g = comm->decomposition().tile("Gathered", 8, 4, 3, 4);
    std::vector<float> local(std::size_t(g.nbatch) * g.neurons());
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = 0; y < g.ny; ++y)
        for (int x = 0; x < g.nx; ++x)
          for (int f = 0; f < g.nf; ++f)
            local[std::size_t(b) * g.neurons() + g.index(x, y, f)] = neuron_value(g.batch0 + b, g.kx0 + x, g.ky0 + y, f);
    std::vector<float> all, first;
    comm->gather_batch(g, local.data(), all);
    comm->gather_layer(g, local.data(), first);
    if (!comm->is_root()) continue;
    REQUIRE(all.size() == g.global_neurons() * 4);
    REQUIRE(first.size() == g.global_neurons());
    long wrong = 0;
    for (int gb = 0; gb < 4; ++gb)
      for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 8; ++x)
          for (int f = 0; f < 3; ++f) {
            const std::size_t i = (std::size_t(y) * 8 + x) * 3 + f;
            if (all[std::size_t(gb) * g.global_neurons() + i] != neuron_value(gb, x, y, f)) ++wrong;
            if (gb == 0 && first[i] != neuron_value(0, x, y, f)) ++wrong;
          }
    CHECK(wrong == 0);
  }
}

TEST_CASE("scatter_layer hands each tile its window of its batch slice's whole frames", "[mpi][scatter]") {
  for (const Split& split : splits()) {
    INFO(split_name(split));
    auto comm = communicator(split);
    const Decomposition& d = comm->decomposition();
    const LayerGeometry g = d.tile("Scattered", 8, 4, 3, 4);
    // Only each slice's root fills the whole frames of its batch elements; the others pass nothing.
    std::vector<float> whole;
    if (d.is_batch_root()) {
      whole.resize(std::size_t(g.nbatch) * g.global_neurons());
      for (int b = 0; b < g.nbatch; ++b)
        for (int y = 0; y < 4; ++y)
          for (int x = 0; x < 8; ++x)
            for (int f = 0; f < 3; ++f)
              whole[std::size_t(b) * g.global_neurons() + (std::size_t(y) * 8 + x) * 3 + f] =
                  neuron_value(g.batch0 + b, x, y, f);
    }
    std::vector<float> tile(std::size_t(g.nbatch) * g.neurons(), -1.0f);
    // Twice, as frames follow one another (the packing buffers are reused).
    for (int round = 0; round < 2; ++round) {
      comm->scatter_layer(g, d.is_batch_root() ? whole.data() : nullptr, tile.data());
      long wrong = 0;
      for (int b = 0; b < g.nbatch; ++b)
        for (int y = 0; y < g.ny; ++y)
          for (int x = 0; x < g.nx; ++x)
            for (int f = 0; f < g.nf; ++f)
              if (tile[std::size_t(b) * g.neurons() + g.index(x, y, f)] !=
                  neuron_value(g.batch0 + b, g.kx0 + x, g.ky0 + y, f) + float(round))
                ++wrong;
      CHECK(wrong == 0);
      for (float& v : whole) v += 1.0f;
    }
  }
}

TEST_CASE("sum_integers adds exactly, whatever the order, and wraps like integers", "[mpi][sum]") {
  const int n = world->size(), rank = world->rank();
  // Values no double can hold exactly, of both signs; the last wraps past 2^63 when 4 ranks add.
  auto value = [](int r, std::size_t i) -> std::int64_t {
    const std::int64_t big = (std::int64_t(1) << 62) - 1 - std::int64_t(r) * 977;
    switch (i) {
      case 0: return big;
      case 1: return -big + r;
      case 2: return std::int64_t(r) * 0x10001 - 3;
      default: return std::numeric_limits<std::int64_t>::max() / 2 + r;
    }
  };
  std::vector<std::int64_t> values(4);
  for (std::size_t i = 0; i < 4; ++i) values[i] = value(rank, i);
  world->sum_integers(values);
  for (std::size_t i = 0; i < 4; ++i) {
    std::uint64_t want = 0;
    for (int r = 0; r < n; ++r) want += std::uint64_t(value(r, i));
    CHECK(values[i] == std::int64_t(want));
  }
  // The default (through ordered_sum) agrees with the MPI one.
  LocalCommunicator local;
  std::vector<std::int64_t> same{value(0, 0), value(0, 1)};
  local.sum_integers(same);
  CHECK(same == std::vector<std::int64_t>{value(0, 0), value(0, 1)});
}

TEST_CASE("maximum gives every rank the largest value, and infinity for a value that is not finite",
          "[mpi][sum]") {
  const int n = world->size(), rank = world->rank();
  CHECK(world->maximum(rank == n / 2 ? 7.5 : -double(rank)) == 7.5);
  CHECK(world->maximum(rank == n - 1 ? std::nan("") : 1.0) == std::numeric_limits<double>::infinity());
}

TEST_CASE("collective_try: one rank's failure reaches every rank as the same CollectiveError", "[mpi][agree]") {
  const int n = world->size(), rank = world->rank();
  int ran = 0;
  world->collective_try([&] { ++ran; });
  CHECK(ran == 1);
  std::string message;
  bool internal = true;
  try {
    world->collective_try([&] {
      if (rank == n - 1) throw IoError("frame.png", "cannot read");
    });
  } catch (const CollectiveError& e) {
    message = e.what();
    internal = e.internal();
  } catch (const IoError& e) {
    message = std::string("IoError: ") + e.what();  // one process: the original error
    internal = false;
  }
  CHECK(message.find("frame.png") != std::string::npos);
  CHECK(message.find("cannot read") != std::string::npos);
  CHECK_FALSE(internal);
  if (n > 1) CHECK(message.rfind("IoError", 0) == std::string::npos);
}

// Input layers: each batch slice's root reads the frames and scatters the tiles; every tile must show what the
// serial layer shows, at every frame, and a file the reader cannot read must stop every rank with one message.
std::string input_network(const std::string& list) {
  return "return {\n"
         "  column = { groupType = \"HyPerCol\", nx = 8, ny = 4, nbatch = 4, dt = 1, stopTime = 6 },\n"
         "  Input = { groupType = \"ImageLayer\", nf = 1, inputPath = \"" + list + "\", displayPeriod = 2,\n"
         "            normalizeLuminanceFlag = true },\n"
         "}\n";
}

void write_gray_png(const std::string& path, int w, int h, int seed) {
  Image im;
  im.width = w;
  im.height = h;
  im.channels = 1;
  im.values.resize(std::size_t(w) * h);
  for (std::size_t i = 0; i < im.values.size(); ++i) im.values[i] = float((i * 37 + std::size_t(seed) * 11) % 256) / 255.0f;
  write_png(path, im);
}

// Every batch element's restricted activity of "Input" after each step, on this rank's tile, as global values.
std::vector<std::vector<float>> input_frames(Column& column, int steps) {
  std::vector<std::vector<float>> out;
  const auto& layer = dynamic_cast<const Layer&>(*column.objects().find("Input"));
  for (int s = 0; s < steps; ++s) {
    column.advance();
    const LayerGeometry& g = layer.geometry();
    std::vector<float> f;
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = 0; y < g.ny; ++y)
        for (int x = 0; x < g.nx; ++x) f.push_back(layer.A()[std::size_t(b) * g.neurons_ext() + g.ext_index(x, y, 0)]);
    out.push_back(f);
  }
  return out;
}

TEST_CASE("input layers are read on each batch slice's root and scattered: every tile shows the serial frames",
          "[mpi][scatter]") {
  test::TempDir dir;
  std::string list;
  for (int i = 0; i < 6; ++i) {
    write_gray_png((dir / ("img" + std::to_string(i) + ".png")).string(), 8, 4, i);
    list += "img" + std::to_string(i) + ".png\n";
  }
  dir.write("list.txt", list);
  const std::string file = dir.write("net.lua", input_network((dir / "list.txt").string()));
  Registry registry = default_registry();
  ColumnOptions options;
  options.show_progress = false;
  LocalCommunicator local;
  Column serial(load_params_file(file), registry, options, local);
  serial.initialize();
  const auto whole = input_frames(serial, 6);
  const auto& sg = dynamic_cast<const Layer&>(*serial.objects().find("Input")).geometry();
  for (const Split& split : splits()) {
    INFO(split_name(split));
    auto comm = communicator(split);
    Column tiled(load_params_file(file), registry, options, *comm);
    tiled.initialize();
    const auto& g = dynamic_cast<const Layer&>(*tiled.objects().find("Input")).geometry();
    const auto mine = input_frames(tiled, 6);
    long wrong = 0;
    for (std::size_t s = 0; s < mine.size(); ++s)
      for (int b = 0; b < g.nbatch; ++b)
        for (int y = 0; y < g.ny; ++y)
          for (int x = 0; x < g.nx; ++x)
            if (mine[s][(std::size_t(b) * g.ny + y) * g.nx + x] !=
                whole[s][(std::size_t(g.batch0 + b) * sg.ny + g.ky0 + y) * sg.nx + g.kx0 + x])
              ++wrong;
    CHECK(wrong == 0);
  }
}

TEST_CASE("an input file the reader cannot read stops every rank with the reader's message", "[mpi][scatter]") {
  test::TempDir dir;
  write_gray_png((dir / "good.png").string(), 8, 4, 1);
  dir.write("bad.png", "not a png");
  // The list is checked when the layer opens (every file exists); bad.png fails only when its frame comes.
  dir.write("list.txt", "good.png\ngood.png\ngood.png\ngood.png\nbad.png\n");
  const std::string file = dir.write("net.lua", input_network((dir / "list.txt").string()));
  Registry registry = default_registry();
  ColumnOptions options;
  options.show_progress = false;
  for (const Split& split : splits()) {
    INFO(split_name(split));
    auto comm = communicator(split);
    Column tiled(load_params_file(file), registry, options, *comm);
    tiled.initialize();
    std::string message;
    try {
      for (int s = 0; s < 6; ++s) tiled.advance();
    } catch (const CollectiveError& e) {
      message = e.what();
    } catch (const IoError& e) {
      if (comm->size() == 1) message = e.what();
    }
    CHECK(message.find("bad.png") != std::string::npos);
    CHECK(message.find("line 5") != std::string::npos);
  }
}

TEST_CASE("checkpoint reads go through the root: every rank gets the root's files, never its own",
          "[mpi][checkpoint]") {
  const int rank = world->rank();
  // Each rank has a directory of its own with the same names but its own contents; only the root's may arrive.
  test::TempDir dir;
  dir.write("shape.txt", "rank " + std::to_string(rank));
  dir.write("V1_A.pvp", std::string(5000, char('a' + rank)));
  std::string got_shape;
  {
    const auto bytes = read_checkpoint_file(dir / "shape.txt", world);
    got_shape.assign(bytes.begin(), bytes.end());
  }
  CHECK(got_shape == "rank 0");
  std::filesystem::path copy;
  {
    const StagedCheckpoint staged(dir.path(), world);
    copy = staged.path();
    CHECK((copy == dir.path()) == world->is_root());
    CHECK(test::read_file(copy / "shape.txt") == "rank 0");
    CHECK(test::read_file(copy / "V1_A.pvp") == std::string(5000, 'a'));
  }
  if (!world->is_root()) CHECK_FALSE(std::filesystem::exists(copy));  // the copy goes with the staging
  // A checkpoint the root cannot find stops every rank with the root's message (one process stages nothing: its
  // entries meet the missing files themselves).
  std::string message;
  try {
    const StagedCheckpoint staged(dir / "missing", world);
  } catch (const Error& e) {
    message = e.what();
  }
  if (world->size() > 1) CHECK(message.find("no such checkpoint directory") != std::string::npos);
  message.clear();
  try {
    verify_checkpoint_directory(dir.path(), world);  // no manifest
  } catch (const Error& e) {
    message = e.what();
  }
  CHECK(message.find("manifest") != std::string::npos);
}

TEST_CASE("broadcast hands the root's text to every rank", "[mpi][broadcast]") {
  std::string text = world->is_root() ? std::string(1000, 'p') + " from the root" : "other";
  world->broadcast(text);
  CHECK(text == std::string(1000, 'p') + " from the root");
  std::string empty = world->is_root() ? "" : "not empty";
  world->broadcast(empty);
  CHECK(empty.empty());
}

TEST_CASE("node_peers: on one machine every rank is on one node, indexed by rank", "[mpi][node]") {
  // Every rank of these tests runs on this one machine, so the node is the whole world.
  const Communicator::NodePeers peers = world->node_peers();
  CHECK(peers.count == world->size());
  CHECK(peers.index == world->rank());
}

TEST_CASE("node_allgather and gather_strings hand over every rank's text in rank order", "[mpi][node]") {
  const int n = world->size(), rank = world->rank();
  // Lengths differ from rank to rank (rank 1 sends nothing) so that offsets matter.
  const std::string mine = rank == 1 ? "" : "rank " + std::to_string(rank) + std::string(std::size_t(rank), '*');
  std::vector<std::string> expected;
  for (int r = 0; r < n; ++r) expected.push_back(r == 1 ? "" : "rank " + std::to_string(r) + std::string(std::size_t(r), '*'));
  CHECK(world->node_allgather(mine) == expected);
  const std::vector<std::string> gathered = world->gather_strings(mine);
  if (world->is_root()) CHECK(gathered == expected);
  else CHECK(gathered.empty());
}

TEST_CASE("all_agree: every rank learns of a failure, with the lowest failing rank's message", "[mpi][agree]") {
  const int n = world->size(), rank = world->rank();
  std::string message = "unused";
  CHECK(world->all_agree(true, message));
  CHECK(message == "unused");
  message = rank == n - 1 ? "layer \"V1\" failed on rank " + std::to_string(rank) : "";
  CHECK_FALSE(world->all_agree(rank != n - 1, message));
  CHECK(message == "layer \"V1\" failed on rank " + std::to_string(n - 1));
  message = rank >= n / 2 ? "failed on rank " + std::to_string(rank) : "fine";
  CHECK_FALSE(world->all_agree(rank < n / 2, message));
  CHECK(message == "failed on rank " + std::to_string(n / 2));
}

TEST_CASE("a split that does not match the process count names what would fit", "[mpi][split]") {
  const int n = world->size();
  std::string message;
  try {
    communicator({n + 1, 1, 1});
  } catch (const DecompositionError& e) {
    message = e.what();
  }
  CHECK(message.find("-rows " + std::to_string(n + 1) + " -columns 1 -batchwidth 1 needs " + std::to_string(n + 1) +
                     " processes") != std::string::npos);
  if (n > 1) CHECK(message.find("-rows 1 -columns 1 -batchwidth " + std::to_string(n)) != std::string::npos);
}

TEST_CASE("a multiple of the split's size makes MPI blocks whose collectives stay within each block", "[mpi][split]") {
  const int n = world->size(), world_rank = world->rank();
  CHECK(world->block_count() == 1);  // the squarest split uses every process
  if (n < 2) return;
  // One process per block: every block is a whole run of its own.
  std::unique_ptr<Communicator> each = communicator({1, 1, 1});
  CHECK(each->block_count() == n);
  CHECK(each->block() == world_rank);
  CHECK(each->size() == 1);
  CHECK(each->rank() == 0);
  CHECK(each->world_rank() == world_rank);
  // A failure in one block is not another block's: each block agrees on its own.
  std::string message = "block " + std::to_string(world_rank);
  CHECK(each->all_agree(world_rank % 2 == 0, message) == (world_rank % 2 == 0));
  // Reports of the whole job reach world rank 0 from every block, in world rank order.
  const std::vector<std::string> texts = each->gather_strings("w" + std::to_string(world_rank));
  if (world_rank == 0) {
    REQUIRE(texts.size() == std::size_t(n));
    for (int r = 0; r < n; ++r) CHECK(texts[std::size_t(r)] == "w" + std::to_string(r));
  } else {
    CHECK(texts.empty());
  }
  each->wait_for_every_block();
  if (n % 2 != 0) return;
  // Two processes per block: a sum adds only the block's two ranks (world ranks 2k and 2k + 1: 4k + 1).
  std::unique_ptr<Communicator> pairs = communicator({2, 1, 1});
  CHECK(pairs->block_count() == n / 2);
  CHECK(pairs->block() == world_rank / 2);
  CHECK(pairs->rank() == world_rank % 2);
  std::vector<double> sum{double(world_rank)};
  pairs->ordered_sum(sum);
  CHECK(sum[0] == double(4 * (world_rank / 2) + 1));
  std::string root_text = pairs->is_root() ? "from world rank " + std::to_string(world_rank) : "";
  pairs->broadcast(root_text);
  CHECK(root_text == "from world rank " + std::to_string(2 * (world_rank / 2)));
}

int main(int argc, char** argv) {
  std::unique_ptr<Communicator> comm = make_communicator(&argc, &argv, {}, {}, {});
  world = comm.get();
  const int failed = Catch::Session().run(argc, argv);
  // One verdict for all: a rank whose checks passed still fails when another rank's did not.
  std::string message = "rank " + std::to_string(world->rank()) + " had " + std::to_string(failed) + " failures";
  const bool ok = world->all_agree(failed == 0, message);
  if (!ok && world->is_root()) std::fprintf(stderr, "%s\n", message.c_str());
  world = nullptr;
  return ok ? 0 : 1;
}
