// The default thread count divides a node's cores among its ranks; -t and OMP_NUM_THREADS override it. Expected
// counts are worked out by hand from the masks each case gives.
#include <catch2/catch.hpp>

#include "core/threads/thread_plan.hpp"
#include "params/error.hpp"

using namespace spv;

namespace {

ThreadRequest unbound(int cores, int ranks) {
  CpuList all;
  for (int c = 0; c < cores; ++c) all.push_back(c);
  return {std::nullopt, std::nullopt, all, std::vector<CpuList>(std::size_t(ranks), all)};
}

}  // namespace

TEST_CASE("unbound ranks split the node's cores, at least one thread each", "[threads]") {
  CHECK(choose_threads(unbound(2, 1)).threads == 2);
  CHECK(choose_threads(unbound(2, 2)).threads == 1);
  CHECK(choose_threads(unbound(2, 4)).threads == 1);    // oversubscribed ranks: never 0
  CHECK(choose_threads(unbound(64, 64)).threads == 1);  // not 64 x 64 = 4,096 threads
  CHECK(choose_threads(unbound(64, 4)).threads == 16);
  CHECK(choose_threads(unbound(10, 3)).threads == 3);   // 10 / 3 rounded down: the node is never oversubscribed
  CHECK(choose_threads(unbound(2, 4)).source == ThreadSource::cores);
  CHECK(choose_threads(unbound(2, 4)).sharing == 4);
}

TEST_CASE("a rank bound to cores gets its mask, shared only with ranks bound to the same cores", "[threads]") {
  // mpirun --bind-to core, two ranks: masks {0} and {1}.
  ThreadRequest core0{std::nullopt, std::nullopt, {0}, {{0}, {1}}};
  CHECK(choose_threads(core0).threads == 1);
  // --bind-to socket on a 2 x 8-core node with 4 ranks: two ranks per socket mask.
  const CpuList s0{0, 1, 2, 3, 4, 5, 6, 7}, s1{8, 9, 10, 11, 12, 13, 14, 15};
  ThreadRequest socket{std::nullopt, std::nullopt, s1, {s0, s0, s1, s1}};
  CHECK(choose_threads(socket).threads == 4);
  CHECK(choose_threads(socket).sharing == 2);
  // taskset -c 0-2 on one process of a larger machine.
  ThreadRequest taskset{std::nullopt, std::nullopt, {0, 1, 2}, {{0, 1, 2}}};
  CHECK(choose_threads(taskset).threads == 3);
}

TEST_CASE("-t wins over OMP_NUM_THREADS, which wins over the default", "[threads]") {
  ThreadRequest r = unbound(8, 4);
  r.omp_num_threads = std::string("3");
  CHECK(choose_threads(r).threads == 3);
  CHECK(choose_threads(r).source == ThreadSource::environment);
  r.omp_num_threads = std::string("6,2");  // a nested list: the outer level is the team
  CHECK(choose_threads(r).threads == 6);
  r.option = 5;
  CHECK(choose_threads(r).threads == 5);
  CHECK(choose_threads(r).source == ThreadSource::option);
}

TEST_CASE("an OMP_NUM_THREADS that is no positive count is refused, naming it", "[threads]") {
  for (const char* bad : {"", "0", "-2", "four", "4x", ",4"}) {
    ThreadRequest r = unbound(2, 1);
    r.omp_num_threads = bad;
    CHECK_THROWS_WITH(choose_threads(r), Catch::Contains("OMP_NUM_THREADS=\"" + std::string(bad) + "\""));
  }
}

TEST_CASE("CPU lists read and write in the kernel's compact form", "[threads]") {
  CHECK(cpu_list_text({0, 1, 2, 3, 8}) == "0-3,8");
  CHECK(cpu_list_text({5}) == "5");
  CHECK(cpu_list_text({1, 3, 4}) == "1,3-4");
  CHECK(parse_cpu_list("0-3,8") == CpuList{0, 1, 2, 3, 8});
  CHECK(parse_cpu_list("") == CpuList{});
  for (const char* bad : {"3-1", "1,1", "a", "1,", "-1", "2,1"}) CHECK_THROWS(parse_cpu_list(bad));
  CHECK(process_cpus().size() >= 1);
  CHECK(int(process_cpus().size()) <= online_cpus());
}

TEST_CASE("the node summary counts ranks, threads and cores per node, and shows oversubscription", "[threads]") {
  const std::vector<RankThreads> ranks{
      {"a", 2, 1, {0}}, {"a", 2, 1, {1}}, {"b", 4, 2, {0, 1, 2, 3}}, {"b", 4, 2, {0, 1, 2, 3}}, {"b", 4, 2, {0, 1, 2, 3}}};
  const auto nodes = summarize_nodes(ranks);
  REQUIRE(nodes.size() == 2);
  CHECK(nodes[0].host == "a");
  CHECK(nodes[0].ranks == 2);
  CHECK(nodes[0].threads == 2);
  CHECK(nodes[0].line == "node a: 2 ranks on 2 cores, 2 threads in all (rank 0: 1 thread on cores 0; rank 1: 1 thread on cores 1)");
  CHECK(nodes[1].ranks == 3);
  CHECK(nodes[1].threads == 6);  // 6 > 4 cores: the warning's condition
  CHECK(nodes[1].line == "node b: 3 ranks on 4 cores, 6 threads in all (ranks 2-4: 2 threads each on cores 0-3)");
  CHECK(nodes[0].oversubscription.empty());
  CHECK(nodes[1].oversubscription == "node b runs 6 threads on 4 cores");
  // 4 ranks x 1 thread on 2 cores: the ranks were the launch's choice, the threads the least they can run.
  CHECK(summarize_nodes({{"d", 2, 1, {0, 1}}, {"d", 2, 1, {0, 1}}, {"d", 2, 1, {0, 1}}, {"d", 2, 1, {0, 1}}})[0]
            .oversubscription.empty());
  CHECK(summarize_nodes({{"d", 2, 2, {0, 1}}, {"d", 2, 1, {0, 1}}, {"d", 2, 1, {0, 1}}, {"d", 2, 1, {0, 1}}})[0]
            .oversubscription == "node d runs 5 threads on 2 cores");
  // taskset -c 0 with -t 2 on a 2-core node: the node has room, the rank's mask has not.
  const auto pinned = summarize_nodes({{"c", 2, 2, {0}}});
  CHECK(pinned[0].oversubscription == "node c: rank 0 runs 2 threads on 1 core (its affinity mask, cores 0)");
  const RankThreads back = parse_rank_threads(rank_threads_text(ranks[2]));
  CHECK(back.host == "b");
  CHECK(back.node_cpus == 4);
  CHECK(back.threads == 2);
  CHECK(back.cpus == CpuList{0, 1, 2, 3});
}
