#include "app/thread_setup.hpp"

#include <cstdlib>

#include "core/build_config.hpp"
#include "core/threads/thread_plan.hpp"

#if SPV_HAVE_OPENMP
#include <omp.h>
#endif

namespace spv {

namespace {

// What the oversubscription warning says of waiting threads (app/wait_policy.hpp sets passive where it can).
std::string waiting_threads() {
  const char* policy = std::getenv("OMP_WAIT_POLICY");
  if (!policy) return "waiting threads spin; OMP_WAIT_POLICY=passive would make them sleep";
  const std::string p = policy;
  if (p == "passive" || p == "PASSIVE") return "waiting threads sleep (OMP_WAIT_POLICY=passive)";
  return "waiting threads spin (OMP_WAIT_POLICY=" + p + ")";
}

}  // namespace

int set_up_threads(const std::optional<int>& option, Communicator& comm, std::ostream& log, std::ostream& warnings) {
  ThreadRequest request;
  request.option = option;
  if (const char* env = std::getenv("OMP_NUM_THREADS")) request.omp_num_threads = env;
  request.cpus = process_cpus();
  for (const std::string& mask : comm.node_allgather(cpu_list_text(request.cpus)))
    request.node_masks.push_back(parse_cpu_list(mask));
  ThreadChoice choice;
  std::string error;
  bool ok = true;
  try {
    choice = choose_threads(request);
  } catch (const Error& e) {
    ok = false;
    error = e.what();
  }
  if (!comm.all_agree(ok, error)) throw CollectiveError(error, false);
#if SPV_HAVE_OPENMP
  omp_set_num_threads(choice.threads);
#else
  choice.threads = 1;
#endif
  const RankThreads mine{host_name(), online_cpus(), choice.threads, request.cpus};
  const std::vector<std::string> all = comm.gather_strings(rank_threads_text(mine));
  if (!comm.is_root() || comm.block() != 0) return choice.threads;
  std::vector<RankThreads> ranks;
  for (const std::string& text : all) ranks.push_back(parse_rank_threads(text));
  for (const NodeThreads& node : summarize_nodes(ranks)) {
    log << "threads: " << node.line << "\n";
    if (!node.oversubscription.empty())
      warnings << "sparsepv: warning: " << node.oversubscription << "; " << waiting_threads()
               << ". Without -t and OMP_NUM_THREADS each rank gets its share of the cores.\n";
  }
  return choice.threads;
}

}  // namespace spv
