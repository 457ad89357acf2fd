#include "params/param_sweep.hpp"

namespace spv {

namespace {

struct Sweep {
  const ParamGroup* group;
  std::string target, key;
};

std::string trim_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string padded(int i, int count) {
  std::string digits = std::to_string(i);
  const std::size_t width = std::to_string(count - 1).size();
  return std::string(width - digits.size(), '0') + digits;
}

}  // namespace

std::vector<SweepRun> expand_parameter_sweeps(const ParamDocument& doc) {
  std::vector<Sweep> sweeps;
  ParamDocument base;
  base.path = doc.path;
  for (const ParamGroup& g : doc.groups) {
    if (g.type == "BatchSweep")
      throw ParamError(g.where, g.name, "groupType",
                       "BatchSweep is not supported (OpenPV itself has dropped it); give each value its own run with "
                       "a ParameterSweep");
    if (!is_sweep_type(g.type)) {
      base.groups.push_back(g);
      continue;
    }
    const auto colon = g.name.rfind(':');
    sweeps.push_back({&g, g.name.substr(0, colon), g.name.substr(colon + 1)});
  }
  if (sweeps.empty()) return {SweepRun{doc, "", ""}};

  const int count = int(sweeps.front().group->entries.size());
  for (const Sweep& s : sweeps) {
    if (s.group->entries.empty()) throw ParamError(s.group->where, s.group->name, "groupType", "sweeps no values");
    if (int(s.group->entries.size()) != count)
      throw ParamError(s.group->where, s.group->name, "groupType",
                       "has " + std::to_string(s.group->entries.size()) + " values but ParameterSweep \"" +
                           sweeps.front().group->name + "\" has " + std::to_string(count) +
                           "; every sweep needs the same number");
    if (!base.find(s.target))
      throw ParamError(s.group->where, s.group->name, "groupType", "there is no group \"" + s.target + "\" to sweep");
  }
  const ParamGroup* column = nullptr;
  for (const ParamGroup& g : base.groups)
    if (g.type == "HyPerCol") column = &g;
  if (!column)
    throw ParamError(sweeps.front().group->where, sweeps.front().group->name, "groupType",
                     "a sweep needs the params' HyPerCol group");
  auto swept = [&](const std::string& key) {
    for (const Sweep& s : sweeps)
      if (s.target == column->name && s.key == key) return true;
    return false;
  };
  const bool own_output = !swept("outputPath");
  const ParamEntry* checkpoint_dir = column->find("checkpointWriteDir");
  const bool own_checkpoints = !swept("checkpointWriteDir") && checkpoint_dir &&
                               checkpoint_dir->value.kind() == ParamValue::Kind::String &&
                               !checkpoint_dir->value.as_string().empty();

  std::vector<SweepRun> runs;
  for (int i = 0; i < count; ++i) {
    SweepRun run{base, "", ""};
    ParamGroup& col = *run.doc.find(column->name);
    if (own_output) {
      run.directory = "paramsweep_" + padded(i, count);
      const ParamEntry* out = column->find("outputPath");
      const std::string path = out && out->value.kind() == ParamValue::Kind::String ? out->value.as_string() : "output";
      col.set("outputPath", ParamValue::string(trim_slashes(path) + "/" + run.directory + "/"),
              out ? out->where : column->where);
    }
    if (own_checkpoints)
      col.set(
          "checkpointWriteDir",
          ParamValue::string(trim_slashes(checkpoint_dir->value.as_string()) + "/paramsweep_" + padded(i, count) + "/"),
          checkpoint_dir->where);
    for (const Sweep& s : sweeps) {
      const ParamEntry& value = s.group->entries[std::size_t(i)];
      run.doc.find(s.target)->set(s.key, value.value, value.where);
      run.settings += (run.settings.empty() ? "" : ", ") + s.group->name + " = " + value.value.to_params_text();
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace spv
