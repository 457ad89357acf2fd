#include "app/wait_policy.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "core/comm/launcher.hpp"
#include "core/threads/cpu_set.hpp"
#include "core/threads/thread_plan.hpp"

namespace spv {

bool oversubscribes(const WaitPolicyInputs& in) {
  std::optional<int> threads = in.option;
  if (!threads && in.omp_num_threads) threads = omp_team_size(*in.omp_num_threads);
  if (!threads) return false;
  // One thread a rank never waits on a team, so ranks beyond the cores alone need no change of policy.
  const std::int64_t ranks = in.launcher_ranks_on_node;
  return *threads > in.mask_cpus || *threads * ranks > std::max<std::int64_t>(in.node_cpus, ranks);
}

void restart_with_passive_wait_if_oversubscribed(const std::optional<int>& option, char** argv) {
  if (std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT")) return;
  WaitPolicyInputs in;
  in.option = option;
  if (const char* env = std::getenv("OMP_NUM_THREADS")) in.omp_num_threads = env;
  in.mask_cpus = int(process_cpus().size());
  in.node_cpus = online_cpus();
  in.launcher_ranks_on_node = launcher_ranks_on_node();
  if (!oversubscribes(in)) return;
  setenv("OMP_WAIT_POLICY", "passive", 1);
  execv("/proc/self/exe", argv);
}

}  // namespace spv
