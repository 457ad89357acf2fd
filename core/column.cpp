#include "core/column.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/checkpoint/checkpoint_registry.hpp"
#include "core/checkpoint/checkpoint_staging.hpp"
#include "core/checkpoint/checkpoint_store.hpp"
#include "core/checkpoint/checkpoint_trigger.hpp"
#include "core/error_text.hpp"
#include "core/checkpoint/stop_signal.hpp"
#include "core/checkpoint/time_info.hpp"
#include "core/errors.hpp"
#include "core/io/output_directory.hpp"
#include "core/io/output_safety.hpp"
#include "core/progress.hpp"
#include "params/openpv_keys.hpp"
#include "params/params_writer.hpp"

namespace spv {

Column::Column(const ParamDocument& doc, const Registry& registry, ColumnOptions options, Communicator& comm)
    : options_(std::move(options)), source_file_(doc.path) {
  create(doc, registry);
  ctx_.params_file = doc.path;
  ctx_.dt = params_.dt;
  ctx_.stop_time = params_.stopTime;
  ctx_.nx = params_.nx;
  ctx_.ny = params_.ny;
  ctx_.nbatch = params_.nbatch;
  ctx_.random_seed = static_cast<std::uint64_t>(params_.randomSeed);
  ctx_.threads = options_.threads;
  ctx_.error_on_nan = params_.errorOnNotANumber;
  ctx_.comm = &comm;
  ctx_.gpu = options_.gpu;
  ctx_.gpu_unavailable = options_.gpu ? std::string() : options_.gpu_unavailable;
  if (options_.dry_run) ctx_.missing_files = &missing_files_;
  time_ = params_.startTime;
  if (params_.checkpointWrite && params_.checkpointWriteDir.empty())
    throw ParamError(column_group_.location_of("checkpointWriteDir"), column_name_, "checkpointWriteDir",
                     "is required when checkpointWrite is true");
  // Before anything is allocated or written: where this run may write, and that no two writers meet.
  const OutputPlan plan = output_plan();
  check_output_plan(plan);
  for (const PlannedFile& f : plan.files) planned_files_.push_back(f.name);
  order();
  for_each_object([&](Object& o) { o.resolve(objects_, ctx_); });
  for_each_object([&](Object& o) { o.allocate(ctx_); });
  schedule();
}

Column::~Column() = default;

void Column::for_each_object(const std::function<void(Object&)>& pass) {
  for (auto& o : objects_.objects()) {
    try {
      pass(*o);
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      // A library's failure (the file system, an allocation) inside one object's pass: say whose it was.
      const ErrorText t = error_text(e);
      if (t.internal) throw;
      throw Error(o->where().str() + ": " + o->type() + " \"" + o->name() + "\": " + t.message);
    }
  }
}

namespace {
// OpenPV's defaultInitializeFromCheckpointFlag: when the column gives it, every object whose type has an
// initializeFromCheckpointFlag and whose group leaves it out takes the column's value, as if the group had said so
// (so the effective params print it and a key error points at the column's line). Without it each type keeps its
// own default (layers true, connections false), so a warm start loads layer state but never a dictionary unasked.
ParamGroup with_column_default_flag(const ParamGroup& g, const ParamSchema* schema, const ParamGroup& column,
                                    const BindResult& column_given, bool flag) {
  static const std::string key = "initializeFromCheckpointFlag";
  if (!column_given.has("defaultInitializeFromCheckpointFlag") || !schema || !schema->find(key)) return g;
  for (const auto& e : g.entries) {
    const ParamSpec* spec = schema->find(e.key);
    if (spec && spec->key == key) return g;  // the group's own value (or a legacy spelling of it) wins
  }
  ParamGroup filled = g;
  filled.set(key, ParamValue::boolean(flag), column.location_of("defaultInitializeFromCheckpointFlag"));
  return filled;
}

// updateGpu / receiveGpu choose where a group computes, never what: without -d an OpenPV file that asks for the GPU
// runs on the CPU (the same numbers within float tolerance), and the column says so once per key. Writing false into
// the group before it is bound keeps every later check (a connection delivering into a GPU layer, say) consistent.
ParamGroup on_cpu_without_gpu(const ParamGroup& g, std::vector<ParamNotice>& placed_on_cpu) {
  static const char* const keys[] = {"updateGpu", "receiveGpu"};
  ParamGroup placed = g;
  for (const char* key : keys)
    for (const ParamEntry& e : g.entries) {
      if (e.key != key) continue;
      const bool asked = (e.value.kind() == ParamValue::Kind::Bool && e.value.as_bool()) ||
                         (e.value.kind() == ParamValue::Kind::Number && e.value.as_number() != 0);
      if (!asked) continue;
      placed_on_cpu.push_back({e.where, g.name, key,
                               std::string(key) + " = true: no GPU was selected (run with -d to use one), so it runs "
                                                  "on the CPU; the results agree within float tolerance"});
      placed.set(key, ParamValue::boolean(false), e.where);
    }
  return placed;
}
}  // namespace

void Column::create(const ParamDocument& doc, const Registry& registry) {
  // The column is bound before the objects, whose defaults may come from it (defaultInitializeFromCheckpointFlag).
  const ParamGroup* column_group = nullptr;
  for (const auto& g : doc.groups) {
    if (g.type != "HyPerCol") continue;
    if (column_group)
      throw ParamError(g.where, g.name, "groupType",
                       "a second HyPerCol (the first is \"" + column_group->name + "\"); a file has one column");
    column_group = &g;
  }
  if (!column_group) throw ParamError({doc.path, 0}, "", "", "no HyPerCol group: every params file needs one column");
  const BindResult column_given = column_schema().bind(*column_group, &params_);
  progress_interval_given_ = column_given.has("progressInterval");
  column_name_ = column_group->name;
  column_where_ = column_group->where;
  column_group_ = *column_group;

  std::set<std::string> names;
  std::vector<std::string> type_names = registry.names();
  type_names.push_back("HyPerCol");
  for (const auto& g : doc.groups) {
    if (!names.insert(g.name).second)
      throw ParamError(g.where, g.name, "", "two groups have this name; group names must be unique");
    group_order_in_file_.push_back(g.name);
    if (&g == column_group) continue;
    const TypeInfo* info = registry.find(g.type);
    const OpenPvType* openpv = info ? nullptr : find_openpv_type(g.type);
    ParamGroup as_successor;
    if (openpv && !openpv->successor.empty() && (info = registry.find(openpv->successor))) {
      as_successor = g;
      as_successor.type = openpv->successor;
      successor_notices_.push_back(
          {g.location_of("groupType"), g.name, "groupType", "group type " + g.type + ": " + openpv->why});
    }
    if (!info) {
      if (openpv)
        throw ParamError(g.location_of("groupType"), g.name, "groupType",
                         "group type \"" + g.type + "\": " + openpv->why);
      std::string hint = did_you_mean(g.type, type_names);
      throw ParamError(g.location_of("groupType"), g.name, "groupType",
                       "unknown group type \"" + g.type + "\"" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?"));
    }
    ParamGroup filled =
        with_column_default_flag(as_successor.type.empty() ? g : as_successor, info->schema, *column_group,
                                 column_given, params_.defaultInitializeFromCheckpointFlag);
    if (!options_.gpu) filled = on_cpu_without_gpu(filled, placed_on_cpu_);
    objects_.add(info->make(filled));
  }
  std::vector<const BindResult*> bindings{&column_given};
  for (const auto& o : objects_.objects()) bindings.push_back(o->binding());
  report_params_warnings(bindings);
  if (!options_.output_path.empty()) params_.outputPath = options_.output_path;
  if (options_.seed) params_.randomSeed = double(*options_.seed);
}

// Legacy spellings and OpenPV keys without effect: each key reported once, with how many groups gave it; with
// errorOnUnusedParam the first such key is an error, as in OpenPV.
void Column::report_params_warnings(const std::vector<const BindResult*>& bindings) {
  std::map<std::string, int> groups_per_key;
  std::vector<std::string> legacy;
  for (const BindResult* b : bindings) {
    if (!b) continue;
    for (const auto& w : b->warnings)
      if (std::find(legacy.begin(), legacy.end(), w) == legacy.end()) legacy.push_back(w);
    for (const ParamNotice& n : b->no_effect)
      if (groups_per_key[n.key]++ == 0) no_effect_keys_.push_back(n);
  }
  if (params_.errorOnUnusedParam && !no_effect_keys_.empty()) {
    const ParamNotice& n = no_effect_keys_.front();
    throw ParamError(n.where, n.group, n.key, n.message + "; errorOnUnusedParam is true");
  }
  if (!options_.warnings) return;
  for (const auto& w : legacy) *options_.warnings << "sparsepv: warning: " << w << "\n";
  for (const ParamNotice& n : successor_notices_)
    *options_.warnings << "sparsepv: warning: " << n.where.str() << ": group \"" << n.group << "\": " << n.message
                       << "\n";
  std::vector<ParamNotice> once_per_key = no_effect_keys_;
  for (const ParamNotice& n : placed_on_cpu_)
    if (groups_per_key[n.key]++ == 0) once_per_key.push_back(n);
  for (const ParamNotice& n : once_per_key) {
    const int more = groups_per_key[n.key] - 1;
    *options_.warnings << "sparsepv: warning: " << n.where.str() << ": group \"" << n.group << "\": " << n.message
                       << (more > 0 ? " (and in " + std::to_string(more) + " more group" + (more > 1 ? "s" : "") + ")"
                                    : std::string())
                       << "\n";
  }
}

// Pass 2: dependencies first, ties broken by name, so the order (and every result) is independent of file order.
void Column::order() {
  auto& objs = objects_.objects();
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < objs.size(); ++i) index[objs[i]->name()] = i;
  std::vector<std::vector<std::size_t>> dependents(objs.size());
  std::vector<int> pending(objs.size(), 0);
  for (std::size_t i = 0; i < objs.size(); ++i)
    for (const auto& dep : objs[i]->dependencies()) {
      auto it = index.find(dep);
      if (it == index.end() || it->second == i) continue;  // a missing name is reported by resolve
      dependents[it->second].push_back(i);
      ++pending[i];
    }
  std::set<std::pair<std::string, std::size_t>> ready;
  for (std::size_t i = 0; i < objs.size(); ++i)
    if (pending[i] == 0) ready.insert({objs[i]->name(), i});
  std::vector<std::size_t> sorted;
  while (!ready.empty()) {
    std::size_t i = ready.begin()->second;
    ready.erase(ready.begin());
    sorted.push_back(i);
    for (std::size_t d : dependents[i])
      if (--pending[d] == 0) ready.insert({objs[d]->name(), d});
  }
  if (sorted.size() != objs.size()) {
    std::string cycle;
    for (std::size_t i = 0; i < objs.size(); ++i)
      if (pending[i] > 0) cycle += (cycle.empty() ? "" : ", ") + objs[i]->name();
    throw ParamError({source_file_, 0}, "", "", "these groups depend on each other in a cycle: " + cycle);
  }
  std::vector<std::unique_ptr<Object>> reordered;
  for (std::size_t i : sorted) reordered.push_back(std::move(objs[i]));
  objs = std::move(reordered);
}

void Column::schedule() {
  std::map<int, PhaseWork> by_phase;
  for (auto& o : objects_.objects()) {
    if (auto* l = dynamic_cast<Layer*>(o.get())) layers_.push_back(l);
    else if (auto* c = dynamic_cast<Connection*>(o.get())) connections_.push_back(c);
    else if (auto* p = dynamic_cast<Probe*>(o.get())) probes_.push_back(p);
  }
  auto by_name = [](const Object* a, const Object* b) { return a->name() < b->name(); };
  std::sort(layers_.begin(), layers_.end(), by_name);
  std::sort(connections_.begin(), connections_.end(), by_name);
  for (Layer* l : layers_) {
    PhaseWork& w = by_phase[l->phase()];
    w.phase = l->phase();
    w.layers.push_back(l);
    std::vector<Connection*> in;
    for (Connection* c : connections_)
      if (&c->post() == l && c->channel() >= 0) in.push_back(c);
    w.inputs.push_back(std::move(in));
  }
  for (auto& [phase, w] : by_phase) phases_.push_back(std::move(w));
  t_deliver_ = timers_.id("deliver");
  t_update_ = timers_.id("update layers");
  t_publish_ = timers_.id("publish (halo, delays)");
  t_learn_ = timers_.id("update weights");
  t_probes_ = timers_.id("probes");
  t_output_ = timers_.id("output");
}

ParamDocument Column::effective_params() const {
  ParamDocument doc;
  doc.path = source_file_;
  for (const auto& name : group_order_in_file_) {
    if (const Object* o = objects_.find(name)) doc.groups.push_back(o->effective_params());
    else doc.groups.push_back(column_schema().unbind(&params_, name));
  }
  return doc;
}

long Column::total_steps() const {
  return std::lround((params_.stopTime - params_.startTime) / params_.dt);
}

static void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw IoError(path.string(), "cannot write");
}

void Column::initialize() {
  if (initialized_) throw std::logic_error("Column::initialize called twice");
  prepare_restart();
  for_each_object([&](Object& o) { o.initialize(ctx_); });
  for (Connection* c : connections_) c->finish_initialize(ctx_);
  if (restart_dir_.empty() && !params_.initializeFromCheckpointDir.empty() && warm_start_ != WarmStart::Deferred) {
    // The warm start reads model state only, which needs no output: loaded before any output is opened.
    register_state();
    load_checkpoint(params_.initializeFromCheckpointDir, true);
  }
  initialized_ = true;
}

void Column::open_outputs() {
  if (!initialized_) throw std::logic_error("Column::open_outputs before initialize");
  output_ = std::make_unique<OutputDirectory>(params_.outputPath, ctx_.comm->is_root());
  output_->restrict_to(planned_files_);
  output_->open();
  ctx_.output = output_.get();
  if (ctx_.comm->is_root()) {
    ParamDocument doc = effective_params();
    write_text(output_->stage(params_.printParamsFilename), write_params_text(doc));
    write_text(output_->stage(params_.printParamsFilename + ".lua"), write_lua_text(doc));
  }
  for (auto& o : objects_.objects()) o->open_outputs(ctx_);
  // Declared again now that the outputs are open: their file positions are run state too.
  register_state();
  if (!restart_dir_.empty()) {
    // A restart continues: no initial output (the checkpoint's files already hold it).
    load_checkpoint(restart_dir_, false);
  } else {
    StepInfo start{0, time_, params_.dt};
    for (Layer* l : layers_) l->write_output(start, ctx_);
    for (Connection* c : connections_) c->write_output(start, ctx_);
  }
}

void Column::advance() {
  ++step_;
  time_ = params_.startTime + double(step_) * params_.dt;
  const StepInfo s{step_, time_, params_.dt};
  {
    Timers::Scope scope(timers_, t_probes_);
    for (Probe* p : probes_) p->prepare_step(s, ctx_);
  }
  for (auto& phase : phases_) {
    {
      Timers::Scope scope(timers_, t_deliver_);
      for (std::size_t i = 0; i < phase.layers.size(); ++i)
        if (phase.layers[i]->updates_at(s))
          for (Connection* c : phase.inputs[i]) c->deliver(s);
    }
    {
      Timers::Scope scope(timers_, t_update_);
      for (Layer* l : phase.layers) l->step(s, ctx_);
    }
    Timers::Scope scope(timers_, t_publish_);
    for (Layer* l : phase.layers) l->publish(ctx_);
  }
  {
    Timers::Scope scope(timers_, t_learn_);
    for (Connection* c : connections_) c->update_weights(s, ctx_);
    for (Connection* c : connections_) c->finish_weight_updates(s);
  }
  {
    Timers::Scope scope(timers_, t_probes_);
    for (Probe* p : probes_) p->sample(s, ctx_);
  }
  Timers::Scope scope(timers_, t_output_);
  for (Layer* l : layers_) l->write_output(s, ctx_);
  for (Connection* c : connections_) c->write_output(s, ctx_);
  if (progress_) progress_->update(time_, step_);
}

void Column::run() {
  const long n = total_steps();
  ran_ = true;
  if (options_.show_progress && ctx_.comm->is_root() && !progress_)
    progress_ = std::make_unique<Progress>(
        time_, params_.stopTime,
        progress_interval_given_ ? std::optional<double>(params_.progressInterval) : std::nullopt,
        params_.writeProgressToErr ? stderr : stdout);
  while (step_ < n) {
    advance();
    if (!output_) continue;
    int sig = stop_signal_received();
    if (ctx_.comm->size() > 1) {
      // A signal reaches ranks at different steps; all stop after the same one, or some would wait in a collective.
      std::string which = std::to_string(sig);
      if (!ctx_.comm->all_agree(sig == 0, which)) sig = std::stoi(which);
    }
    if (sig) {
      stop_signal_ = sig;
      write_checkpoint(checkpoint_path(step_));
      break;
    }
    if (params_.checkpointWrite && step_ < n && checkpoint_due()) {
      write_checkpoint(checkpoint_path(step_));
      trigger_->written();
      if (params_.deleteOlderCheckpoints && ctx_.comm->is_root())
        prune_checkpoints(params_.checkpointWriteDir, params_.numCheckpointsKept);
    }
  }
  if (progress_) progress_->finish(time_, step_);
}

bool Column::checkpoint_due() {
  const bool due = trigger_->due(step_, time_, params_.dt);
  if (!trigger_->wall_clock() || ctx_.comm->size() == 1) return due;
  // Wall clocks differ between ranks, and writing a checkpoint is collective: rank 0's clock decides for all.
  std::string unused;
  return !ctx_.comm->all_agree(!(ctx_.comm->is_root() && due), unused);
}

void Column::finish() {
  // The final state is a checkpoint (written by every rank together: the root gathers the tiles).
  if (output_ && ran_ && !params_.suppressLastOutput && stop_signal_ == 0) {
    // OpenPV writes the final state as the last step's checkpoint in checkpointWriteDir (where its users look for
    // it, e.g. with initializeFromCheckpointDir); Last holds it too, as sparsepv's restart point.
    if (params_.checkpointWrite) {
      write_checkpoint(checkpoint_path(step_));
      if (params_.deleteOlderCheckpoints && ctx_.comm->is_root())
        prune_checkpoints(params_.checkpointWriteDir, params_.numCheckpointsKept);
    }
    write_checkpoint(last_checkpoint_dir());
  }
  // A probe that fails the run at its end (RequireAllZeroActivityProbe) must not cost the run its outputs: every
  // object finishes and the outputs are committed before its error ends the run.
  std::exception_ptr failure;
  for (auto& o : objects_.objects()) {
    try {
      o->finish(ctx_);
    } catch (const Error&) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (output_) {
    if (ctx_.comm->is_root()) write_text(output_->stage("timers.txt"), timers_report());
    output_->commit();
  }
  if (failure) std::rethrow_exception(failure);
}

std::filesystem::path Column::checkpoint_parent() const {
  // Interrupted runs without checkpointWriteDir still keep their work, in <outputPath>/Checkpoints.
  return params_.checkpointWriteDir.empty() ? std::filesystem::path(params_.outputPath) / "Checkpoints"
                                            : std::filesystem::path(params_.checkpointWriteDir);
}

std::filesystem::path Column::last_checkpoint_dir() const {
  return params_.lastCheckpointDir.empty() ? std::filesystem::path(params_.outputPath) / "Last"
                                           : std::filesystem::path(params_.lastCheckpointDir);
}

std::filesystem::path Column::checkpoint_path(long step) const {
  const std::filesystem::path parent = checkpoint_parent();
  int width = params_.checkpointIndexWidth;
  if (width < 0) width = int(std::to_string(std::max(total_steps(), 0L)).size());
  std::string digits = std::to_string(step);
  if (int(digits.size()) < width) digits.insert(0, std::size_t(width) - digits.size(), '0');
  return parent / ("Checkpoint" + digits);
}

std::string Column::shape_text() const {
  std::ostringstream out;
  out << column_name_ << " nx " << params_.nx << '\n'
      << column_name_ << " ny " << params_.ny << '\n'
      << column_name_ << " nbatch " << params_.nbatch << '\n';
  for (const auto& o : objects_.objects())
    for (const auto& [key, value] : o->checkpoint_shape()) out << o->name() << ' ' << key << ' ' << value << '\n';
  return out.str();
}

void Column::check_shape(const std::filesystem::path& dir) const {
  const std::filesystem::path file = dir / "shape.txt";
  const auto bytes = read_checkpoint_file(file, ctx_.comm);
  std::map<std::pair<std::string, std::string>, long> saved;
  std::istringstream in(std::string(bytes.begin(), bytes.end()));
  std::string group, key;
  long value = 0;
  while (in >> group >> key >> value) saved[{group, key}] = value;
  std::set<std::string> groups;
  std::istringstream now(shape_text());
  while (now >> group >> key >> value) {
    groups.insert(group);
    const Object* o = objects_.find(group);
    const SourceLocation where = o ? o->location_of(key) : column_where_;
    auto it = saved.find({group, key});
    if (it == saved.end())
      throw ParamError(where, group, key,
                       "the checkpoint " + dir.string() + " has no group \"" + group + "\" with this key; groups "
                       "cannot be added between a checkpoint and a restart (use initializeFromCheckpointDir to start "
                       "a new network from it)");
    if (it->second != value)
      throw ParamError(where, group, key,
                       "gives " + std::to_string(value) + " but the checkpoint " + dir.string() + " was written with " +
                           std::to_string(it->second) + "; sizes (layer sizes, nbatch, nf, patch sizes) cannot change "
                           "between a checkpoint and a restart (stopTime, output intervals and threads can)");
  }
  for (const auto& [gk, v] : saved)
    if (!groups.count(gk.first))
      throw ParamError({source_file_, 0}, gk.first, "",
                       "the checkpoint " + dir.string() + " has this group, the params do not; groups cannot be "
                       "removed between a checkpoint and a restart");
}

void Column::prepare_restart() {
  if (options_.restart_newest) {
    if (params_.checkpointWriteDir.empty())
      throw ParamError(column_where_, column_name_, "checkpointWriteDir",
                       "-r restarts from the newest checkpoint in checkpointWriteDir, which is not set");
    std::vector<std::string> skipped;
    restart_dir_ = newest_complete_checkpoint(params_.checkpointWriteDir, ctx_.comm, &skipped);
    for (const auto& why : skipped) std::fprintf(stderr, "skipping an incomplete checkpoint: %s\n", why.c_str());
  } else if (!options_.restart_dir.empty()) {
    restart_dir_ = options_.restart_dir;
  }
  if (restart_dir_.empty()) {
    const std::string& warm = params_.initializeFromCheckpointDir;
    if (warm.empty()) return;
    const CheckpointOrigin origin = checkpoint_origin(warm, ctx_.comm);
    const std::string named_by =
        "initializeFromCheckpointDir at " + column_group_.location_of("initializeFromCheckpointDir").str();
    if (origin == CheckpointOrigin::Missing && defer_missing_file(ctx_, warm, named_by)) {
      warm_start_ = WarmStart::Deferred;
      return;
    }
    if (origin == CheckpointOrigin::OpenPV) {
      // OpenPV's checkpoints carry no manifest: their files are checked only by their PVP headers.
      warm_start_ = WarmStart::OpenPV;
      if (options_.warnings)
        *options_.warnings << "sparsepv: warning: " << warm << " (" << named_by
                           << ") is an OpenPV checkpoint: its weights and layer states are read by name, checked by "
                              "their PVP headers only (OpenPV writes no checksums); delay buffers start empty\n";
      return;
    }
    verify_checkpoint_directory(warm, ctx_.comm);
    return;
  }
  if (checkpoint_origin(restart_dir_, ctx_.comm) == CheckpointOrigin::OpenPV)
    throw IoError(restart_dir_.string(),
                  "is an OpenPV checkpoint: sparsepv continues a run (-c, -r) only from its own checkpoints, whose "
                  "run state (file positions, schedules) it knows; start from it with initializeFromCheckpointDir");
  verify_checkpoint_directory(restart_dir_, ctx_.comm);
  check_shape(restart_dir_);
}

void Column::register_state() {
  registry_ = std::make_unique<CheckpointRegistry>();
  trigger_ = std::make_unique<CheckpointTrigger>(params_);
  registry_->set_suppress_nonplastic(params_.suppressNonplasticCheckpoints);
  registry_->set_communicator(ctx_.comm);
  registry_->set_time_source(&time_);
  registry_->begin_object("");
  registry_->add_custom(
      "timeinfo", EntryKind::Run,
      [this](const std::filesystem::path& p) {
        const std::string text = format_time_info({time_, step_});
        write_checkpoint_file(p, text.data(), text.size());
      },
      [this](const std::filesystem::path& p) {
        const auto bytes = read_checkpoint_file(p);
        const TimeInfo info = parse_time_info(std::string(bytes.begin(), bytes.end()), p.string());
        // The run computes time as startTime + step * dt: a checkpoint that disagrees was written with another dt or
        // startTime (or edited), and continuing it would misplace every later output.
        const double expected = params_.startTime + double(info.step) * params_.dt;
        if (info.time != expected)
          throw IoError(p.string(), "the checkpoint's time " + format_number(info.time) + " at step " +
                                        std::to_string(info.step) +
                                        " is not startTime + step * dt = " + format_number(expected) +
                                        " (were dt or startTime changed since it was "
                                        "written?)");
        if (info.time > params_.stopTime + 0.5 * params_.dt)
          throw IoError(p.string(), "the checkpoint's time " + format_number(info.time) + " is past stopTime " +
                                        format_number(params_.stopTime) + ": there is nothing left to run");
        time_ = info.time;
        step_ = info.step;
      });
  registry_->add_value("nextCheckpointTime", trigger_->next_time(), EntryKind::Run);
  for (auto& o : objects_.objects()) {
    registry_->begin_object(o->name());
    o->register_state(*registry_, ctx_);
  }
}

void Column::load_checkpoint(const std::filesystem::path& dir, bool warm) {
  // Only the root reads the checkpoint's files; the other ranks read the copy it sends them (layer entries take
  // their own window; the rest hold the root's values, the same for all), and all must succeed before any rank goes
  // on into collectives.
  const StagedCheckpoint staged(dir, ctx_.comm);
  // The registry writes into the host copies, some entries only: bring them up to date first.
  for (Layer* l : layers_) l->sync_to_host();
  std::exception_ptr failure;
  std::string message;
  try {
    for (const CheckpointEntry& e : registry_->entries()) {
      if (warm) {
        if (e.kind != EntryKind::Warm) continue;
        const Object* o = objects_.find(e.object);
        if (!o || !o->initialize_from_checkpoint()) continue;
        // OpenPV's checkpoints hold V, A and weights as PVP files like sparsepv's; its delay rings and raw
        // bookkeeping are laid out otherwise, so those start as a fresh run's.
        if (warm_start_ == WarmStart::OpenPV && (!e.file.ends_with(".pvp") || e.file.ends_with("_Delays.pvp")))
          continue;
      }
      e.read(staged.path() / e.file);
    }
  } catch (const std::exception& e) {
    failure = std::current_exception();
    message = e.what();
  }
  if (!ctx_.comm->all_agree(!failure, message)) {
    if (failure && ctx_.comm->size() == 1) std::rethrow_exception(failure);
    throw CollectiveError(message, false);  // every rank knows: the root prints it once
  }
  // The registry wrote the host copies: layers on a device push them before their next kernel.
  for (Layer* l : layers_) l->host_state_changed();
}

void Column::write_checkpoint(const std::filesystem::path& dir) {
  if (!output_) return;
  // The registry reads the host copies: layers on a device pull theirs first.
  for (Layer* l : layers_) l->sync_to_host();
  // Every rank takes part in the gathers; then only the root writes, and all learn whether it succeeded.
  for (const CheckpointEntry& e : registry_->entries())
    if (e.gather) e.gather();
  std::exception_ptr failure;
  std::string message;
  if (ctx_.comm->is_root()) {
    try {
      output_->commit_live();
      write_checkpoint_directory(dir, [this](const std::filesystem::path& tmp) {
        for (const CheckpointEntry& e : registry_->entries()) e.write(tmp / e.file);
        const ParamDocument doc = effective_params();
        write_text(tmp / params_.printParamsFilename, write_params_text(doc));
        write_text(tmp / (params_.printParamsFilename + ".lua"), write_lua_text(doc));
        write_text(tmp / "shape.txt", shape_text());
      });
    } catch (const std::exception& e) {
      failure = std::current_exception();
      message = e.what();
    }
  }
  if (!ctx_.comm->all_agree(!failure, message)) {
    if (failure) std::rethrow_exception(failure);
    throw IoError(dir.string(), "the root process could not write the checkpoint: " + message);
  }
  last_checkpoint_ = dir;
}

void Column::abandon() {
  if (output_) output_->rollback();
}

}  // namespace spv
