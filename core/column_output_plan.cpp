// The column's output plan: every directory and file a run of these params may write, each with the group and key
// that ask for it, for the output-safety check (core/io/output_safety.hpp) and the dry run's report.
#include "core/column.hpp"

namespace spv {

OutputPlan Column::output_plan() const {
  auto column_key = [this](const std::string& key, std::string note) {
    return PathOwner{column_name_, key, key.empty() ? column_where_ : column_group_.location_of(key), std::move(note)};
  };
  OutputPlan plan;
  for (const std::string& name : group_order_in_file_) {
    const Object* o = objects_.find(name);
    plan.groups.emplace_back(name, o ? o->where() : column_where_);
  }
  plan.output_dir = params_.outputPath;
  plan.output_owner = column_key("outputPath", options_.output_path.empty() ? "" : "set by -o");
  // A stop signal writes a checkpoint even when checkpointWrite is false, so the default directory is claimed too.
  plan.checkpoint_dirs.push_back(
      {checkpoint_parent(),
       column_key("checkpointWriteDir",
                  params_.checkpointWriteDir.empty() ? "unset: a stop signal's checkpoint goes to <outputPath>/Checkpoints"
                                                     : ""),
       false});
  if (!params_.suppressLastOutput)
    plan.checkpoint_dirs.push_back(
        {last_checkpoint_dir(),
         column_key("lastCheckpointDir", params_.lastCheckpointDir.empty() ? "by default <outputPath>/Last" : ""),
         true});
  // The fixed name first, so that a clash is reported at the key that can change.
  plan.files.push_back({"timers.txt", column_key("", "its timers report")});
  const PathOwner params_owner = column_key("printParamsFilename", "");
  plan.files.push_back({params_.printParamsFilename, params_owner});
  plan.files.push_back({params_.printParamsFilename + ".lua", params_owner});
  for (const std::string& name : group_order_in_file_)
    if (const Object* o = objects_.find(name))
      for (const OutputFile& f : o->output_files(ctx_))
        plan.files.push_back({f.name, PathOwner{o->name(), f.key, o->location_of(f.key), ""}});
  return plan;
}

}  // namespace spv
