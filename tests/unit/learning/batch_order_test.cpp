// The batch reduction of dW does not depend on the split: learned weights are bit-for-bit the same whether the batch
// runs in one column or is split over ranks, and whatever the thread count.
//
// Design: one network (LCA with a momentum-learned, L2-normalised dictionary and its transpose, nbatch = 4, eight
// updates) runs (a) as one column holding all four batch elements, and (b) as 4 or 2 columns on threads, each a
// "rank" of a batch split through a communicator whose ordered_sum meets on a barrier (what MPI ranks would do).
// Each rank computes the exact (integer) Hebbian sums of its own batch elements only, and the communicator adds the
// ranks' (Communicator::sum_integers and maximum, here through ordered_sum). Since the LCA dynamics of a batch
// element do not depend on the others, (b) can only equal (a) bit for bit if the sum does not depend on the split.
#include <catch2/catch.hpp>

#include <barrier>
#include <exception>
#include <thread>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "app/default_registry.hpp"
#include "connections/hyper_conn.hpp"
#include "core/rng.hpp"
#include "lua/params_loader.hpp"
#include "tests/unit/learning/learning_net.hpp"

using namespace spv;

namespace {

// Where the ranks meet: each deposits its vector, then every rank adds them all in rank order.
class ThreadHub {
 public:
  explicit ThreadHub(int ranks) : sync_(ranks), slots_(std::size_t(ranks)) {}
  void ordered_sum(int rank, std::vector<double>& values) {
    slots_[std::size_t(rank)] = values;
    sync_.arrive_and_wait();
    std::vector<double> total(values.size(), 0.0);
    for (const auto& s : slots_)
      for (std::size_t i = 0; i < total.size() && i < s.size(); ++i) total[i] += s[i];
    sync_.arrive_and_wait();
    values = std::move(total);
  }
  // A rank that failed stops taking part, so that the others do not wait for it for ever.
  void leave() { sync_.arrive_and_drop(); }

 private:
  std::barrier<> sync_;
  std::vector<std::vector<double>> slots_;
};

// One rank of a batch split: whole layers (no halo exchange needed), a slice of the batch.
class BatchRankCommunicator final : public Communicator {
 public:
  BatchRankCommunicator(ThreadHub& hub, int ranks, int rank) : hub_(hub) {
    decomposition_ = Decomposition{1, 1, ranks, rank};
  }
  void exchange_halo(const LayerGeometry&, float*) override {}
  void ordered_sum(std::vector<double>& values) override { hub_.ordered_sum(rank(), values); }
  void gather_layer(const LayerGeometry& g, const float* local, std::vector<float>& global) override {
    global.assign(local, local + g.neurons());
  }
  void broadcast(std::string&) override {}
  bool all_agree(bool ok, std::string&) override { return ok; }

 private:
  ThreadHub& hub_;
};

const char* kNetwork = R"lua(
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])")
return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, nbatch = 4, dt = 1, stopTime = 40, randomSeed = 17 },
  Input = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = here .. "images.pvp", displayPeriod = 5,
            batchMethod = "byFile" },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 1 },
  Code = { groupType = "HyPerLCALayer", nxScale = 0.25, nyScale = 0.25, nf = 6, phase = 2, VThresh = 0.1, AMin = 0,
           AShift = 0.1, timeConstantTau = 5, selfInteract = true },
  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  Dict = { groupType = "MomentumConn", preLayerName = "Code", postLayerName = "Error", channelCode = 1, nxp = 8,
           nyp = 8, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
           normalizeMethod = "normalizeL2", plasticityFlag = true, triggerLayerName = "Input", triggerOffset = 1, dWMax = 0.05,
           momentumMethod = "viscosity", timeConstantTau = 3 },
  ErrorToCode = { groupType = "TransposeConn", preLayerName = "Error", postLayerName = "Code", channelCode = 0,
                  originalConnName = "Dict" },
}
)lua";

void write_images(const std::filesystem::path& path) {
  std::vector<std::vector<float>> frames(12, std::vector<float>(64));
  for (std::size_t k = 0; k < frames.size(); ++k)
    for (std::size_t i = 0; i < 64; ++i) {
      const RngKey key{31, 1};
      frames[k][i] = uniform01(key, k * 64 + i, 0) < 0.5 ? 0.0f : float(uniform01(key, k * 64 + i, 1));
    }
  test::write_frames(path, 8, 8, 1, frames);
}

std::vector<float> run_column(const ParamDocument& doc, Communicator& comm) {
  const Registry registry = default_registry();
  ColumnOptions options;
  options.show_progress = false;
  Column column(doc, registry, options, comm);
  column.initialize();
  column.run();
  std::span<const float> w = dynamic_cast<const HyPerConnBase&>(*column.objects().find("Dict")).weights().values();
  return {w.begin(), w.end()};
}

// Every rank's learned weights when the batch of 4 is split over `ranks` threads.
std::vector<std::vector<float>> run_split(const ParamDocument& doc, int ranks) {
  ThreadHub hub(ranks);
  std::vector<std::vector<float>> weights(static_cast<std::size_t>(ranks));
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(ranks));
  std::vector<std::thread> threads;
  for (int r = 0; r < ranks; ++r)
    threads.emplace_back([&, r] {
      try {
        BatchRankCommunicator comm(hub, ranks, r);
        weights[std::size_t(r)] = run_column(doc, comm);
      } catch (...) {
        errors[std::size_t(r)] = std::current_exception();
        hub.leave();
      }
    });
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  return weights;
}

}  // namespace

TEST_CASE("learned weights do not depend on how the batch is split or on the thread count", "[learning][batch]") {
  test::TempDir dir;
  write_images(dir / "images.pvp");
  test::write_file(dir / "net.lua", kNetwork);
  const ParamDocument doc = load_params_file((dir / "net.lua").string());

  LocalCommunicator local;
  const std::vector<float> whole = run_column(doc, local);
  {
    // The weights did learn: they differ from the initial ones.
    test::ColumnRun initial(dir / "net.lua");
    initial.column->initialize();
    CHECK(test::weights_of(initial, "Dict") != whole);
  }
  for (int ranks : {4, 2}) {
    INFO(ranks << " ranks of " << 4 / ranks << " batch elements each");
    for (const std::vector<float>& w : run_split(doc, ranks)) CHECK(w == whole);
  }
#ifdef _OPENMP
  const int before = omp_get_max_threads();
  for (int threads : {1, 2, 3}) {
    INFO(threads << " OpenMP threads");
    omp_set_num_threads(threads);
    CHECK(run_column(doc, local) == whole);
  }
  omp_set_num_threads(before);
#endif
}

TEST_CASE("ordered_batch_sum adds the batch elements in ascending global index, in double", "[learning][batch]") {
  // Element 0 of each partial: 2^30, 1, -2^30, 1 adds to exactly 2 in double (in float 2^30 + 1 would round away the
  // 1); element 1 checks the order-independent case.
  const std::vector<float> partials{1073741824.0f, 3.0f, 1.0f, 5.0f, -1073741824.0f, 7.0f, 1.0f, 11.0f};
  LocalCommunicator local;
  std::vector<double> sum;
  local.ordered_batch_sum(partials, 2, 0, 4, sum);
  CHECK(sum == std::vector<double>{2.0, 26.0});

  ThreadHub hub(2);
  std::vector<std::vector<double>> sums(2);
  std::vector<std::thread> threads;
  for (int r = 0; r < 2; ++r)
    threads.emplace_back([&, r] {
      BatchRankCommunicator comm(hub, 2, r);
      const std::span<const float> mine = std::span<const float>(partials).subspan(std::size_t(r) * 4, 4);
      comm.ordered_batch_sum(mine, 2, 2 * r, 4, sums[std::size_t(r)]);
    });
  for (auto& t : threads) t.join();
  CHECK(sums[0] == sum);
  CHECK(sums[1] == sum);
}
