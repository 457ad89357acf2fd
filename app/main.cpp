// sparsepv: reads a params file, builds the column, runs it, and turns every error into one message and a non-zero
// exit status.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "app/command_line.hpp"
#include "app/device_choice.hpp"
#include "app/graph_output.hpp"
#include "app/sweep_blocks.hpp"
#include "app/thread_setup.hpp"
#include "app/wait_policy.hpp"
#include "app/default_registry.hpp"
#include "core/build_config.hpp"
#include "core/build_report.hpp"
#include "core/checkpoint/stop_signal.hpp"
#include "core/column.hpp"
#include "core/error_text.hpp"
#include "core/comm/communicator.hpp"
#include "core/comm/make_communicator.hpp"
#include "core/params_reference.hpp"
#include "cuda/device.hpp"
#include "cuda/gpu_backend.hpp"
#include "lua/params_loader.hpp"
#include "params/param_sweep.hpp"

namespace {

int describe(const spv::Registry& registry, const std::string& type) {
  if (type.empty()) {
    // One line per type: its name and the first sentence of its doc (all of it: --describe TYPE, docs/params.md).
    std::size_t width = 8;
    for (const auto& name : registry.names()) width = std::max(width, name.size());
    auto line = [&](const std::string& name, const std::string& doc) {
      std::string purpose = spv::purpose_line(doc);
      if (purpose.size() > 96) purpose = purpose.substr(0, 93) + "...";
      std::cout << "  " << name << std::string(width - name.size() + 2, ' ') << purpose << "\n";
    };
    std::cout << "group types (sparsepv --describe TYPE for one type's keys):\n";
    line("HyPerCol", spv::column_schema().doc());
    for (const auto& name : registry.names()) line(name, registry.find(name)->schema->doc());
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

// Ranks other than 0 log to FILE with their rank before the extension (run.log -> run_1.log), so logs never mix.
std::string log_name(const std::string& file, int rank) {
  if (rank == 0) return file;
  const auto slash = file.find_last_of('/');
  const auto dot = file.find_last_of('.');
  const bool has_ext = dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
  const std::string suffix = "_" + std::to_string(rank);
  return has_ext ? file.substr(0, dot) + suffix + file.substr(dot) : file + suffix;
}

// An error every rank agreed on (all hold the same message, "error: ..." or "internal error: ..."): rank 0 prints
// it, every rank exits with the status that kind of error has on one process.
class AgreedError : public spv::Error {
 public:
  using Error::Error;
};

// An error every rank of every MPI block met alike (the blocks cannot share the work): printed once, by the first
// block's root.
class EveryBlockError : public spv::Error {
 public:
  using Error::Error;
};

int run_column(const spv::CommandLine& cl, spv::Communicator& comm, const spv::Registry& registry,
               const spv::ParamDocument& doc, const spv::ColumnOptions& options);

// What --version says: the build's back-ends and what this machine lets it use.
std::string version_text() {
  const spv::GpuInfo gpu = spv::gpu_info();
  std::string text = std::string("sparsepv ") + SPV_VERSION + "\n";
  text += std::string("  back-ends built: CPU") + (SPV_HAVE_OPENMP ? " (OpenMP threads)" : " (one thread)") +
          (gpu.compiled ? ", CUDA with cuDNN" : "") + "\n";
  text += std::string("  MPI: ") + (SPV_HAVE_MPI ? "yes (-rows, -columns, -batchwidth under mpirun)" : "no") + "\n";
  text += "  GPUs visible: " + std::to_string(gpu.device_count) + " (" + gpu.description + ")\n";
  return text;
}

// OpenPV's --require-return: rank 0 waits for the return key (time to attach a debugger); every rank waits for it.
void wait_for_return(spv::Communicator& comm) {
  if (comm.is_root()) {
    std::cout << "sparsepv: press return to begin the run\n" << std::flush;
    std::string line;
    std::getline(std::cin, line);
  }
  std::string unused;
  comm.all_agree(true, unused);
}

int run(const spv::CommandLine& cl, spv::Communicator& comm) {
  spv::Registry registry = spv::default_registry();
  const bool first_root = comm.is_root() && comm.block() == 0;  // speaks for every block
  if (cl.describe) return first_root ? describe(registry, cl.describe_type) : 0;
  if (!cl.log_file.empty()) {
    const std::string name = log_name(cl.log_file, comm.world_rank());
    if (!std::freopen(name.c_str(), "w", stdout)) throw spv::UsageError("cannot open log file \"" + name + "\"");
  }
  if (first_root)
    for (const std::string& note : cl.notes) std::cerr << "sparsepv: warning: " << note << "\n";
  const int threads = spv::set_up_threads(cl.threads, comm, std::cout, std::cerr);
  // A ParameterSweep makes several runs, each into its own output directory: one after another, or side by side in
  // MPI blocks (a multiple of the split's processes), each block making every block_count()-th run.
  std::vector<spv::SweepRun> runs = spv::expand_parameter_sweeps(spv::load_params_file(cl.params_file));
  if (cl.shuffle_seed)
    for (spv::SweepRun& r : runs) spv::shuffle_groups(r.doc, *cl.shuffle_seed);
  if (comm.block_count() > 1) {
    const spv::Decomposition& d = comm.decomposition();
    const std::string split = "-np " + std::to_string(comm.block_count() * comm.size()) + " with -rows " +
                              std::to_string(d.rows) + " -columns " + std::to_string(d.columns) + " -batchwidth " +
                              std::to_string(d.batch_width);
    try {
      spv::check_parallel_sweep(runs, cl.output_path, comm.block_count(), split);
    } catch (const spv::UsageError& e) {
      throw EveryBlockError(e.what());
    }
  }
  // -w, as in OpenPV: the params file was read from where sparsepv started; everything else starts from DIR.
  if (!cl.working_dir.empty()) {
    std::error_code ec;
    std::filesystem::current_path(cl.working_dir, ec);
    if (ec) throw spv::UsageError("-w " + cl.working_dir + ": cannot work there (" + ec.message() + ")");
  }
  if (cl.require_return) wait_for_return(comm);
  // -d: this rank's GPU; asking for one that cannot be used is an error, never a silent CPU run.
  spv::GpuBackendChoice gpu;
  if (!cl.devices.empty()) {
    gpu = spv::make_gpu_backend(spv::device_for_rank(cl.devices, comm.node_peers().index));
    if (!gpu.backend) throw spv::UsageError("-d " + cl.devices + ": " + gpu.unavailable);
  }
  // SIGINT/SIGTERM finish the timestep, write a checkpoint and end the run with status 128 + signal (130, 143).
  spv::install_stop_signal_handlers();
  for (const std::size_t i : spv::runs_of_block(runs.size(), comm.block(), comm.block_count())) {
    const spv::SweepRun& r = runs[i];
    if (runs.size() > 1 && comm.is_root() && !cl.quiet)
      std::cout << "sweep run " << i + 1 << " of " << runs.size()
                << (comm.block_count() > 1 ? " (MPI block " + std::to_string(comm.block() + 1) + ")" : "") << ": "
                << r.settings << "\n"
                << std::flush;
    spv::ColumnOptions options;
    options.output_path =
        cl.output_path.empty() || r.directory.empty() ? cl.output_path : cl.output_path + "/" + r.directory;
    options.seed = cl.seed;
    options.threads = threads;
    // One progress line on a terminal: the first block's.
    options.show_progress = !cl.quiet && !cl.dry_run && !cl.graph && comm.is_root() && comm.block() == 0;
    options.restart_dir = cl.checkpoint_dir;
    options.restart_newest = cl.restart_newest;
    options.warnings = comm.is_root() ? &std::cerr : nullptr;
    options.gpu = gpu.backend.get();
    options.dry_run = cl.dry_run;
    const int status = run_column(cl, comm, registry, r.doc, options);
    if (status != 0) return status;
  }
  return 0;
}

// Builds, initialises and runs one column (or only checks it, for a dry run).
int run_column(const spv::CommandLine& cl, spv::Communicator& comm, const spv::Registry& registry,
               const spv::ParamDocument& doc, const spv::ColumnOptions& options) {
  // Building (passes 1-4) has collectives only where input layers read on one rank per batch slice, and those agree
  // on their own failures; other build errors are the same on every rank. So every rank reaches the agreement and
  // one message speaks for all.
  std::unique_ptr<spv::Column> built;
  std::string error;
  try {
    built = std::make_unique<spv::Column>(doc, registry, options, comm);
  } catch (const std::exception& e) {
    error = spv::error_text(e).text();
  }
  if (!comm.all_agree(built != nullptr, error)) throw AgreedError(error);
  spv::Column& column = *built;
  if (cl.graph) {
    // What was built is enough to draw; the root writes, the others have nothing to add.
    if (!comm.is_root()) return 0;
    const spv::GraphFiles files = spv::write_network_graph(column, column.output_plan().output_dir);
    for (const auto& f : files.written) std::cout << f.string() << "\n";
    if (!files.note.empty()) std::cerr << "sparsepv: " << files.note << "\n";
    return 0;
  }
  if (cl.dry_run) {
    // Everything a real run checks, and nothing it writes: no output directory, params echo or checkpoint.
    column.initialize();
    if (comm.is_root()) std::cout << spv::build_report(column);
    return 0;
  }
  try {
    column.initialize();
    column.open_outputs();
    column.run();
    column.finish();
  } catch (...) {
    column.abandon();
    throw;
  }
  if (!cl.quiet && comm.is_root()) std::cout << column.timers_report();
  if (column.stop_signal() != 0) {
    if (!comm.is_root()) return 128 + column.stop_signal();
    std::cerr << "sparsepv: stopped by signal " << column.stop_signal() << " after step " << column.step_count();
    if (column.last_checkpoint().empty())
      std::cerr << "; no checkpoint written\n";
    else
      std::cerr << "; checkpoint written to " << column.last_checkpoint().string() << " (continue with -c or -r)\n";
    return 128 + column.stop_signal();
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  spv::CommandLine cl;
  try {
    cl = spv::parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const spv::UsageError& e) {
    std::cerr << "sparsepv: " << e.what() << "\n" << spv::usage_text();
    return 2;
  }
  if (cl.help) {
    std::cout << spv::usage_text();
    return 0;
  }
  if (cl.version) {
    std::cout << version_text();
    return 0;
  }
  spv::restart_with_passive_wait_if_oversubscribed(cl.threads, argv);
  // The communicator's lifetime is MPI's: initialised here, finalised when it goes out of scope.
  std::unique_ptr<spv::Communicator> comm;
  try {
    comm = spv::make_communicator(&argc, &argv, cl.rows, cl.columns, cl.batch_width);
  } catch (const spv::DecompositionError& e) {
    if (e.rank() == 0) std::cerr << "sparsepv: " << e.what() << std::endl;
    std::string unused;
    if (e.communicator()) e.communicator()->all_agree(true, unused);  // no rank ends before rank 0 has printed
    return 2;
  }
  const bool root = comm->is_root();
  // An error that only this rank may have met leaves the others waiting in a collective: after printing it, this
  // rank ends them all. Errors every rank agreed on end each rank normally.
  const bool several = comm->size() * comm->block_count() > 1;
  const std::string who = several ? "sparsepv (rank " + std::to_string(comm->world_rank()) + "): " : "sparsepv: ";
  auto fail = [&](const std::string& text, int status) {
    std::cerr << who << text << std::endl;
    if (several) comm->abort_all(status);
    return status;
  };
  try {
    return run(cl, *comm);
  } catch (const EveryBlockError& e) {
    if (root && comm->block() == 0) std::cerr << "sparsepv: error: " << e.what() << std::endl;
    comm->wait_for_every_block();
    return 2;
  } catch (const AgreedError& e) {
    if (root) std::cerr << "sparsepv: " << e.what() << "\n";
    return std::string(e.what()).starts_with("internal error") ? 3 : 1;
  } catch (const spv::CollectiveError& e) {
    // Every rank threw it together (core/comm/communicator.hpp): the root speaks for all, none aborts the others.
    if (root) std::cerr << "sparsepv: " << (e.internal() ? "internal error: " : "error: ") << e.what() << "\n";
    return e.internal() ? 3 : 1;
  } catch (const spv::UsageError& e) {
    if (several) return fail(e.what(), 2);
    std::cerr << "sparsepv: " << e.what() << "\n" << spv::usage_text();
    return 2;
  } catch (const std::exception& e) {
    const spv::ErrorText t = spv::error_text(e);
    return fail(t.text(), t.internal ? 3 : 1);
  }
}
