// Which runs restart with the passive OpenMP wait policy: only those that asked for more threads than their cores.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "app/wait_policy.hpp"
#include "core/comm/launcher.hpp"

using namespace spv;

TEST_CASE("only an explicit thread count beyond the cores asks for the passive wait policy", "[threads]") {
  // 2-core node, unbound ranks.
  CHECK_FALSE(oversubscribes({std::nullopt, std::nullopt, 2, 2, 4}));  // the default never oversubscribes
  CHECK_FALSE(oversubscribes({2, std::nullopt, 2, 2, 1}));             // 2 threads on 2 cores
  CHECK(oversubscribes({2, std::nullopt, 2, 2, 4}));                   // 4 ranks x 2 threads on 2 cores
  CHECK_FALSE(oversubscribes({1, std::nullopt, 2, 2, 2}));
  CHECK_FALSE(oversubscribes({1, std::nullopt, 2, 2, 4}));             // 4 ranks x 1 thread: no team waits
  CHECK(oversubscribes({std::nullopt, std::string("2"), 2, 2, 2}));    // 2 x 2 > 2 through OMP_NUM_THREADS
  CHECK(oversubscribes({std::nullopt, std::string("4,2"), 2, 2, 1}));  // the outer level of a nested list
  CHECK_FALSE(oversubscribes({std::nullopt, std::string("bad"), 2, 2, 4}));  // refused later, with its message
  CHECK(oversubscribes({2, std::nullopt, 1, 2, 1}));                   // taskset -c 0 with -t 2
}

TEST_CASE("the launcher's count of ranks on the node is read from Open MPI, MPICH or Slurm", "[threads]") {
  for (const char* name : {"OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS", "SLURM_NTASKS_PER_NODE"}) unsetenv(name);
  CHECK(launcher_ranks_on_node() == 1);
  setenv("SLURM_NTASKS_PER_NODE", "3(x2)", 1);
  CHECK(launcher_ranks_on_node() == 3);
  setenv("OMPI_COMM_WORLD_LOCAL_SIZE", "4", 1);
  CHECK(launcher_ranks_on_node() == 4);
  unsetenv("OMPI_COMM_WORLD_LOCAL_SIZE");
  unsetenv("SLURM_NTASKS_PER_NODE");
}
