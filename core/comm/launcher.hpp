// What the MPI launcher tells a process through its environment before MPI starts. Only choices that must be made
// before MPI_Init (the OpenMP wait policy) use it; everything else asks the Communicator.
#pragma once

namespace spv {

// The ranks the launcher (Open MPI, MPICH/Hydra, Slurm) put on this node; 1 when none says.
int launcher_ranks_on_node();

}  // namespace spv
