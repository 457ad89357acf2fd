// The CPUs a process may run on, as sorted CPU numbers, and their compact text ("0-3,8").
#pragma once
#include <string>
#include <vector>

namespace spv {

using CpuList = std::vector<int>;

// This process's CPU affinity mask (what `mpirun --bind-to`, Slurm or `taskset` gave it); every online CPU where
// the system offers no mask.
CpuList process_cpus();
// The CPUs online on this machine (its node), at least 1.
int online_cpus();
// This node's name, to group ranks by node in the log.
std::string host_name();

// "0-3,8" for {0,1,2,3,8}; "" for none.
std::string cpu_list_text(const CpuList& cpus);
// The inverse of cpu_list_text; throws std::invalid_argument on anything else.
CpuList parse_cpu_list(const std::string& text);

}  // namespace spv
