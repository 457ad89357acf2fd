#include "core/comm/make_communicator.hpp"

#include <cstdlib>
#include <string>

#include "core/build_config.hpp"
#if SPV_HAVE_MPI
#include "core/comm/mpi_communicator.hpp"
#endif

namespace spv {

namespace {

std::string split_text(int rows, int columns, int batch_width) {
  return "-rows " + std::to_string(rows) + " -columns " + std::to_string(columns) + " -batchwidth " +
         std::to_string(batch_width);
}

std::string splits_that_fit(int processes) {
  std::string text;
  for (int r = 1; r <= processes; ++r)
    for (int c = 1; r * c <= processes; ++c)
      if (processes % (r * c) == 0) text += (text.empty() ? "" : "; ") + split_text(r, c, processes / (r * c));
  return text;
}

}  // namespace

bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
    if (std::getenv(name)) return true;
  return false;
}

std::unique_ptr<Communicator> make_communicator([[maybe_unused]] int* argc, [[maybe_unused]] char*** argv,
                                                std::optional<int> rows, std::optional<int> columns,
                                                std::optional<int> batch_width) {
  const bool split_asked = rows || columns || batch_width;
  for (const auto& [name, value] : {std::pair{"-rows", rows}, {"-columns", columns}, {"-batchwidth", batch_width}})
    if (value && *value < 1) throw DecompositionError(std::string(name) + " must be at least 1");
  int r = rows.value_or(1), c = columns.value_or(1), b = batch_width.value_or(1);
#if SPV_HAVE_MPI
  // Without a launcher there is one process: MPI's singleton start would only add start-up time.
  if (launched_by_mpi()) {
    const int processes = MpiCommunicator::world_size(argc, argv);
    if (!split_asked) {
      r = 1;
      for (int k = 1; k * k <= processes; ++k)
        if (processes % k == 0) r = k;
      c = processes / r;
    }
    // A multiple of an asked-for split makes that many MPI blocks (each runs its share of a ParameterSweep).
    if (processes % (r * c * b) != 0) {
      throw DecompositionError(split_text(r, c, b) + " needs " + std::to_string(r * c * b) +
                                   " processes (or a multiple of them, one block per group of parallel sweep runs)"
                                   " but this run has " +
                                   std::to_string(processes) + "; splits that fit " + std::to_string(processes) + ": " +
                                   splits_that_fit(processes),
                               std::make_shared<MpiCommunicator>(argc, argv, processes, 1, 1));
    }
    return std::make_unique<MpiCommunicator>(argc, argv, r, c, b, processes / (r * c * b));
  }
#endif
  if (r * c * b != 1)
    throw DecompositionError(split_text(r, c, b) + " needs " + std::to_string(r * c * b) + " processes, " +
                             (SPV_HAVE_MPI ? "but this run has 1; start it with mpirun -np " + std::to_string(r * c * b)
                                           : std::string("but this sparsepv was built without MPI (SPV_WITH_MPI=OFF)")));
  return std::make_unique<LocalCommunicator>();
}

}  // namespace spv
