// A ParameterSweep across MPI blocks: which runs each block makes, and whether the blocks can make them side by side.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "params/param_sweep.hpp"

namespace spv {

// The runs block `block` of `blocks` makes, in order: run i goes to block i mod blocks.
std::vector<std::size_t> runs_of_block(std::size_t run_count, int block, int blocks);

// Throws UsageError unless `blocks` parallel blocks can make `runs` without touching each other's files: at least
// one run per block, and no two runs sharing an output directory or a checkpoint directory. `output_override` is
// -o's directory (empty without -o). `split` names the command line's split, for the message.
void check_parallel_sweep(const std::vector<SweepRun>& runs, const std::string& output_override, int blocks,
                          const std::string& split);

}  // namespace spv
