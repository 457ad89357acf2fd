// OpenMP reads its wait policy once, as the program loads. A rank that asks for more threads than the cores it can
// have would spin them against the other ranks' threads (168 ms a step instead of 7 for the tutorial at 4 ranks x 2
// threads on 2 cores), so such a run restarts itself once, before MPI starts, with OMP_WAIT_POLICY=passive:
// waiting threads then sleep. A policy the user set is kept.
#pragma once
#include <optional>
#include <string>

namespace spv {

struct WaitPolicyInputs {
  std::optional<int> option;                   // -t
  std::optional<std::string> omp_num_threads;  // OMP_NUM_THREADS
  int mask_cpus = 1;                           // this process's affinity mask
  int node_cpus = 1;                           // the node's online CPUs
  int launcher_ranks_on_node = 1;              // as the launcher says before MPI starts (1 when it says nothing)
};

// True when an explicitly asked thread count exceeds this rank's mask, or its threads times the ranks the launcher
// put on the node exceed the node's cores (and the ranks: one thread each is no team to wait on). The default count never oversubscribes, so without -t or OMP_NUM_THREADS it is false.
bool oversubscribes(const WaitPolicyInputs& in);

// Re-executes this program with OMP_WAIT_POLICY=passive when `oversubscribes` and no policy is set (returns when
// nothing needs doing, or when the exec fails: the run then goes on with the active policy).
void restart_with_passive_wait_if_oversubscribed(const std::optional<int>& option, char** argv);

}  // namespace spv
