// How many OpenMP threads a rank runs, chosen so that the ranks of one node share its cores instead of each taking
// all of them (the oversubscription that makes OpenMP teams spin against each other under mpirun).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/threads/cpu_set.hpp"

namespace spv {

struct ThreadRequest {
  std::optional<int> option;                 // -t N
  std::optional<std::string> omp_num_threads;  // OMP_NUM_THREADS, when set
  CpuList cpus;                              // this rank's affinity mask
  std::vector<CpuList> node_masks;           // the mask of every rank on this node, this rank's included
};

enum class ThreadSource { option, environment, cores };

struct ThreadChoice {
  int threads = 1;
  ThreadSource source = ThreadSource::cores;
  int sharing = 1;  // ranks of the node whose mask is this rank's (the default divides the mask among them)
};

// -t wins, then OMP_NUM_THREADS (its first number, as OpenMP reads a list), then the default: this rank's mask
// divided among the ranks of the node that have the same mask, at least 1. Unbound ranks all have the node's
// whole mask, so they split the node's cores; ranks bound to their own cores get those. Throws spv::Error on an
// OMP_NUM_THREADS that is not a positive whole number.
ThreadChoice choose_threads(const ThreadRequest& request);
// The team size an OMP_NUM_THREADS value asks for (its first number, as OpenMP reads a nested list "4,2"), or
// nothing when it is not a positive whole number.
std::optional<int> omp_team_size(const std::string& text);

// One rank's share, as every rank reports it to the root for the log.
struct RankThreads {
  std::string host;
  int node_cpus = 1;
  int threads = 1;
  CpuList cpus;
};
std::string rank_threads_text(const RankThreads& r);
RankThreads parse_rank_threads(const std::string& text);  // throws std::invalid_argument

struct NodeThreads {
  std::string host;
  int cpus = 1;      // the node's online CPUs
  int ranks = 0;
  int threads = 0;   // summed over its ranks
  std::string line;  // "node H: 4 ranks on 2 cores, 4 threads in all (ranks 0-3: 1 thread each on cores 0-1)"
  // Empty, or what runs more threads than it has cores: the node's ranks together (counting one thread a rank as
  // the least they can run), or a rank on its own mask.
  std::string oversubscription;
};
// Groups every rank's share (in rank order) by node, in order of each node's first rank.
std::vector<NodeThreads> summarize_nodes(const std::vector<RankThreads>& ranks);

}  // namespace spv
