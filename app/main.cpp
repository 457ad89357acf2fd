// sparsepv: reads a params file, builds the column, runs it, and turns every error into one message and a non-zero
// exit status.
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/command_line.hpp"
#include "app/default_registry.hpp"
#include "core/build_config.hpp"
#include "core/checkpoint/stop_signal.hpp"
#include "core/column.hpp"
#include "core/comm/communicator.hpp"
#include "lua/params_loader.hpp"

#if SPV_HAVE_OPENMP
#include <omp.h>
#endif

namespace {

int describe(const spv::Registry& registry, const std::string& type) {
  if (type.empty()) {
    std::cout << "group types:\n  HyPerCol\n";
    for (const auto& name : registry.names()) std::cout << "  " << name << "\n";
    return 0;
  }
  if (type == "HyPerCol") {
    std::cout << spv::column_schema().describe();
    return 0;
  }
  const spv::TypeInfo* info = registry.find(type);
  if (!info) {
    auto names = registry.names();
    std::string hint = spv::did_you_mean(type, names);
    std::cerr << "sparsepv: error: unknown group type \"" << type << "\""
              << (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") << "\n";
    return 1;
  }
  std::cout << info->schema->describe();
  return 0;
}

void reject_unavailable(const spv::CommandLine& cl) {
  auto one = [](const std::optional<int>& v) { return !v || *v == 1; };
  if (!one(cl.rows) || !one(cl.columns) || !one(cl.batch_width))
    throw spv::UsageError("MPI decomposition (-rows, -columns, -batchwidth other than 1) is not available in this "
                          "version");
  if (!cl.devices.empty()) throw spv::UsageError("GPU devices (-d) are not available in this version");
}

int run(const spv::CommandLine& cl) {
  spv::Registry registry = spv::default_registry();
  if (cl.describe) return describe(registry, cl.describe_type);
  reject_unavailable(cl);
  if (!cl.log_file.empty() && !std::freopen(cl.log_file.c_str(), "w", stdout))
    throw spv::UsageError("cannot open log file \"" + cl.log_file + "\"");
#if SPV_HAVE_OPENMP
  if (cl.threads) omp_set_num_threads(*cl.threads);
  const int threads = omp_get_max_threads();
#else
  const int threads = 1;
#endif
  spv::ParamDocument doc = spv::load_params_file(cl.params_file);
  spv::LocalCommunicator comm;
  spv::ColumnOptions options;
  options.output_path = cl.output_path;
  options.seed = cl.seed;
  options.threads = threads;
  options.show_progress = !cl.quiet && !cl.dry_run;
  options.restart_dir = cl.checkpoint_dir;
  options.restart_newest = cl.restart_newest;
  // SIGINT/SIGTERM finish the timestep, write a checkpoint and end the run with status 128 + signal (130, 143).
  spv::install_stop_signal_handlers();
  spv::Column column(doc, registry, options, comm);
  try {
    column.open_outputs();
    column.initialize();
    if (!cl.dry_run) column.run();
    column.finish();
  } catch (...) {
    column.abandon();
    throw;
  }
  if (!cl.dry_run && !cl.quiet) std::cout << column.timers_report();
  if (column.stop_signal() != 0) {
    std::cerr << "sparsepv: stopped by signal " << column.stop_signal() << " after step " << column.step_count()
              << "; checkpoint written to " << column.last_checkpoint().string() << " (continue with -c or -r)\n";
    return 128 + column.stop_signal();
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    spv::CommandLine cl = spv::parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
    if (cl.help) {
      std::cout << spv::usage_text();
      return 0;
    }
    if (cl.version) {
      std::cout << "sparsepv " << SPV_VERSION << " (MPI " << SPV_HAVE_MPI << ", OpenMP " << SPV_HAVE_OPENMP
                << ", CUDA " << SPV_HAVE_CUDA << ")\n";
      return 0;
    }
    return run(cl);
  } catch (const spv::UsageError& e) {
    std::cerr << "sparsepv: " << e.what() << "\n" << spv::usage_text();
    return 2;
  } catch (const spv::Error& e) {
    std::cerr << "sparsepv: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "sparsepv: internal error: " << e.what() << "\n";
    return 3;
  }
}
