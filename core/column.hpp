// The column: builds the objects of a params document in five explicit passes and advances them on the phased
// timestep loop.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/column_params.hpp"
#include "core/connection.hpp"
#include "core/io/output_safety.hpp"
#include "core/layer.hpp"
#include "core/object_table.hpp"
#include "core/probe.hpp"
#include "core/registry.hpp"
#include "core/run_context.hpp"
#include "core/timers.hpp"

namespace spv {

class OutputDirectory;
class Progress;
class CheckpointRegistry;
class CheckpointTrigger;

// Settings that come from the command line rather than the params file.
struct ColumnOptions {
  std::string output_path;              // -o: overrides outputPath
  std::optional<std::uint64_t> seed;    // -s: overrides randomSeed
  int threads = 1;                      // -t
  bool show_progress = true;
  std::string restart_dir;              // -c: restart from this checkpoint
  bool restart_newest = false;          // -r: restart from the newest complete checkpoint in checkpointWriteDir
  Backend* gpu = nullptr;               // -d: the GPU back-end for updateGpu / receiveGpu objects
  std::string gpu_unavailable = "no GPU was selected (run with -d)";  // why gpu is null
  std::ostream* warnings = nullptr;     // where params warnings go (the root rank's stderr), once per key
  bool dry_run = false;                 // -n: files the run would read may be missing (see missing_files())
};

class Column {
 public:
  // The OpenPV keys the file gave that have no effect here, one per key (the first group that gave it).
  const std::vector<ParamNotice>& no_effect_keys() const { return no_effect_keys_; }
  const std::vector<ParamNotice>& successor_notices() const { return successor_notices_; }
  // The groups whose updateGpu / receiveGpu = true run on the CPU because no GPU was selected, one per group and key.
  const std::vector<ParamNotice>& placed_on_cpu() const { return placed_on_cpu_; }
  // Dry runs: the files the run will read that do not exist yet, each "PATH (what names it)".
  const std::vector<std::string>& missing_files() const { return missing_files_; }
  // Passes 1-4: create, order, resolve, allocate. Throws on any params or geometry error; writes nothing.
  Column(const ParamDocument& doc, const Registry& registry, ColumnOptions options, Communicator& comm);
  ~Column();

  // Pass 5, and every check that reads: the restart or warm-start checkpoint verified (and the warm start loaded),
  // initial values, the first input frames, initial weights. Writes nothing (a dry run stops after it).
  void initialize();
  // After initialize: creates the output directory, writes the effective params (both syntaxes), opens every object's
  // output files, then continues them from the restart checkpoint or writes the initial outputs.
  void open_outputs();
  // One step: t -> t + dt.
  void advance();
  // Steps until stopTime, or until SIGINT/SIGTERM (see stop_signal()), writing checkpoints when due.
  void run();
  // The stop signal that ended run() early (a checkpoint was written after the step it finished), or 0.
  int stop_signal() const { return stop_signal_; }
  // Where run() wrote its latest checkpoint (empty: none).
  const std::filesystem::path& last_checkpoint() const { return last_checkpoint_; }
  // The checkpoint this run restarts from (empty: a fresh start).
  const std::filesystem::path& restart_dir() const { return restart_dir_; }
  // Writes a complete checkpoint at `dir` (outputs are committed first, so its file positions refer to them).
  void write_checkpoint(const std::filesystem::path& dir);
  // Closes outputs, writes the timers report and commits the output directory.
  void finish();
  // Removes what this run staged (after an error).
  void abandon();

  const ColumnParams& params() const { return params_; }
  const RunContext& context() const { return ctx_; }
  const ObjectTable& objects() const { return objects_; }
  double time() const { return time_; }
  long step_count() const { return step_; }
  long total_steps() const;
  // The effective parameters: the column and every object, defaults filled in, in file order.
  ParamDocument effective_params() const;
  std::string timers_report() const { return timers_.report(step_); }
  // Where the run may write (output directory, checkpoint directories, every output file and who asks for it).
  OutputPlan output_plan() const;

 private:
  void create(const ParamDocument& doc, const Registry& registry);
  void report_params_warnings(const std::vector<const BindResult*>& bindings);
  std::vector<ParamNotice> no_effect_keys_;
  std::vector<ParamNotice> successor_notices_;  // groups of types OpenPV removed, built as their successors
  std::vector<ParamNotice> placed_on_cpu_;
  std::vector<std::string> missing_files_;
  // How initializeFromCheckpointDir is read: a sparsepv checkpoint (verified), an OpenPV one, or not at all (a dry
  // run before the directory exists).
  enum class WarmStart { Sparsepv, OpenPV, Deferred };
  WarmStart warm_start_ = WarmStart::Sparsepv;
  // Runs one pass over every object; a non-sparsepv failure comes out as an Error naming the object's group.
  void for_each_object(const std::function<void(Object&)>& pass);
  bool checkpoint_due();                  // the trigger's answer, the same on every rank
  bool progress_interval_given_ = false;  // else the progress line keeps to wall time (core/progress.hpp)
  void order();
  void schedule();
  // Before any output is touched: resolve -c/-r, verify the checkpoint and compare its sizes with these params.
  void prepare_restart();
  void check_shape(const std::filesystem::path& dir) const;
  std::string shape_text() const;
  void register_state();
  void load_checkpoint(const std::filesystem::path& dir, bool warm);
  std::filesystem::path checkpoint_path(long step) const;
  // checkpointWriteDir, else <outputPath>/Checkpoints (where a stop signal's checkpoint goes).
  std::filesystem::path checkpoint_parent() const;
  // lastCheckpointDir, else <outputPath>/Last.
  std::filesystem::path last_checkpoint_dir() const;

  ColumnParams params_{};
  ColumnOptions options_;
  RunContext ctx_;
  ObjectTable objects_;
  std::vector<std::string> file_order_;
  std::vector<std::string> group_order_in_file_;
  std::unique_ptr<OutputDirectory> output_;
  std::unique_ptr<Progress> progress_;

  // Schedule, fixed at build: phases ascending, objects by name within a phase, so file order never matters.
  struct PhaseWork {
    int phase;
    std::vector<Layer*> layers;
    std::vector<std::vector<Connection*>> inputs;  // per layer, the connections delivering into it
  };
  std::vector<PhaseWork> phases_;
  std::vector<Layer*> layers_;
  std::vector<Connection*> connections_;
  std::vector<Probe*> probes_;  // in dependency order

  Timers timers_;
  int t_deliver_ = 0, t_update_ = 0, t_publish_ = 0, t_probes_ = 0, t_output_ = 0, t_learn_ = 0;
  double time_ = 0.0;
  long step_ = 0;
  std::string column_name_;
  SourceLocation column_where_;
  ParamGroup column_group_;  // for the locations of its keys
  std::vector<std::string> planned_files_;  // every output file, as checked; the only names the outputs accept
  std::unique_ptr<CheckpointRegistry> registry_;
  std::unique_ptr<CheckpointTrigger> trigger_;
  std::filesystem::path restart_dir_, last_checkpoint_;
  int stop_signal_ = 0;
  bool initialized_ = false;
  bool ran_ = false;  // run() was called: a column that never stepped writes no final checkpoint
  std::string source_file_;
};

}  // namespace spv
