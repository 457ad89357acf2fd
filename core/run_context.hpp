// What every object may see while the column builds and runs: the column's settings, the communicator, output.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/comm/communicator.hpp"

namespace spv {

class Backend;
class OutputDirectory;

struct RunContext {
  std::string params_file;  // for error messages
  double dt = 1.0;
  double stop_time = 1.0;
  int nx = 0, ny = 0;  // the column's global size, which layer scales refer to
  int nbatch = 1;
  std::uint64_t random_seed = 0;
  int threads = 1;
  bool error_on_nan = false;
  // Why objects may not ask for a GPU in this run (empty when they may). Without -d the column has already turned
  // every request into a CPU run, with a warning; what is left (a type without kernels) is an error.
  std::string gpu_unavailable = "no GPU was selected (run with -d)";
  // The GPU back-end selected with -d (null when gpu_unavailable says why not).
  Backend* gpu = nullptr;
  Communicator* comm = nullptr;
  OutputDirectory* output = nullptr;  // null in dry runs and unit tests: nothing is written
};

// One step takes the simulation from time - dt to time.
struct StepInfo {
  long step = 0;  // 1 for the first step
  double time = 0.0;
  double dt = 1.0;
};

}  // namespace spv
