// Chooses the communicator for a run: MPI when built with it and started by an MPI launcher, otherwise the
// single-process one.
#pragma once
#include <memory>
#include <optional>

#include "core/comm/communicator.hpp"
#include "params/error.hpp"

namespace spv {

// The requested rows x columns x batch width does not match the number of processes (or MPI is missing).
class DecompositionError : public Error {
 public:
  DecompositionError(const std::string& message, std::shared_ptr<Communicator> comm = nullptr)
      : Error(message), comm_(std::move(comm)) {}
  // The process that threw; every process throws the same message, so only rank 0 need print it.
  int rank() const { return comm_ ? comm_->rank() : 0; }
  // Keeps MPI up (when it was started) until the last copy of the error goes: rank 0 prints before any rank ends,
  // because a launcher may kill the others when the first one exits with an error.
  Communicator* communicator() const { return comm_.get(); }

 private:
  std::shared_ptr<Communicator> comm_;
};

// Unspecified counts are 1; with none specified and several processes, rows x columns is the squarest split of the
// process count. With a split specified and a multiple of its size in processes, each group of consecutive ranks
// is an MPI block with its own communicator. Throws DecompositionError naming the counts, the process count and the
// splits that would fit.
std::unique_ptr<Communicator> make_communicator(int* argc, char*** argv, std::optional<int> rows,
                                                std::optional<int> columns, std::optional<int> batch_width);

// Whether this process was started by an MPI launcher (mpirun, mpiexec, srun with PMI).
bool launched_by_mpi();

}  // namespace spv
