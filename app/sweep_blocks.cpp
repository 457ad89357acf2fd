#include "app/sweep_blocks.hpp"

#include <filesystem>
#include <map>

#include "app/command_line.hpp"

namespace spv {

namespace {

// A directory as a run would name it: trailing slashes and "a/./b" spellings do not make it another directory.
std::string normal_directory(const std::string& path) {
  std::string text = std::filesystem::path(path).lexically_normal().generic_string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

std::string column_string(const ParamDocument& doc, const std::string& key, const std::string& fallback) {
  for (const ParamGroup& g : doc.groups) {
    if (g.type != "HyPerCol") continue;
    const ParamEntry* e = g.find(key);
    return e && e->value.kind() == ParamValue::Kind::String ? e->value.as_string() : fallback;
  }
  return fallback;
}

bool column_flag(const ParamDocument& doc, const std::string& key) {
  for (const ParamGroup& g : doc.groups) {
    if (g.type != "HyPerCol") continue;
    const ParamEntry* e = g.find(key);
    if (!e) return false;
    return e->value.kind() == ParamValue::Kind::Bool
               ? e->value.as_bool()
               : e->value.kind() == ParamValue::Kind::Number && e->value.as_number() != 0;
  }
  return false;
}

// Fails when two runs name the same directory for `what`.
void require_distinct(const std::vector<std::string>& dirs, const std::string& what) {
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    if (dirs[i].empty()) continue;
    const auto [at, fresh] = first.emplace(normal_directory(dirs[i]), i);
    if (!fresh)
      throw UsageError("sweep runs " + std::to_string(at->second + 1) + " and " + std::to_string(i + 1) +
                       " would both write " + what + " \"" + at->first +
                       "\"; runs in parallel MPI blocks need one directory each (sweep outputPath, or leave it to "
                       "sparsepv's paramsweep_N directories)");
  }
}

}  // namespace

std::vector<std::size_t> runs_of_block(std::size_t run_count, int block, int blocks) {
  std::vector<std::size_t> mine;
  for (std::size_t i = std::size_t(block); i < run_count; i += std::size_t(blocks)) mine.push_back(i);
  return mine;
}

void check_parallel_sweep(const std::vector<SweepRun>& runs, const std::string& output_override, int blocks,
                          const std::string& split) {
  if (blocks <= 1) return;
  if (runs.size() < std::size_t(blocks))
    throw UsageError(split + " makes " + std::to_string(blocks) + " MPI blocks, which make a ParameterSweep's runs " +
                     "side by side, but the params make " + std::to_string(runs.size()) +
                     " run(s); start as many processes as the split needs, or up to one block per sweep run");
  std::vector<std::string> outputs, checkpoints;
  for (const SweepRun& r : runs) {
    outputs.push_back(output_override.empty() ? column_string(r.doc, "outputPath", "output")
                                              : output_override + "/" + r.directory);
    checkpoints.push_back(column_flag(r.doc, "checkpointWrite") ? column_string(r.doc, "checkpointWriteDir", "") : "");
  }
  require_distinct(outputs, "into output directory");
  require_distinct(checkpoints, "checkpoints into");
}

}  // namespace spv
