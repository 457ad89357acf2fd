// What every object may see while the column builds and runs: the column's settings, the communicator, output.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

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
  // Dry runs only (null otherwise): the files the run will read that do not exist yet, "PATH (what names it)". As
  // OpenPV's -n, a dry run checks the params without them (a pipeline's later stage before its earlier stage ran);
  // a real run refuses them.
  std::vector<std::string>* missing_files = nullptr;
};

// In a dry run, notes `path` as missing (named by `named_by`) and returns true, so that the caller goes on without
// it; in a real run returns false (the caller reports the missing file as an error).
bool defer_missing_file(const RunContext& ctx, const std::string& path, const std::string& named_by);

// One step takes the simulation from time - dt to time.
struct StepInfo {
  long step = 0;  // 1 for the first step
  double time = 0.0;
  double dt = 1.0;
};

}  // namespace spv
