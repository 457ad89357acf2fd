// The output-safety contract (README, "Output safety"), checked once when the column is built, before anything is
// written: a run writes only in its output directory and its checkpoint directories, which never overlap (a
// checkpoint directory may be a subdirectory of the output directory that is its own), and every output file has one
// writer and a name that stays inside the output directory. Paths are compared lexically (made absolute against the
// working directory, "." and ".." folded, no symlinks followed), so the check reads no file system and every rank
// reaches the same verdict.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "params/error.hpp"

namespace spv {

// `p` made absolute against the working directory and normalised lexically, without a trailing separator.
std::filesystem::path normal_path(const std::filesystem::path& p);
// Whether the normal path `inner` is `outer` or lies inside it.
bool path_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

// Why `name` cannot be a group name (empty, "/", "\", NUL, "." or ".."; group names become file names), or "".
std::string group_name_problem(const std::string& name);
// Why `file` cannot name an output file relative to the output directory (empty, absolute, leaving it through
// "..", naming a directory, "\" or NUL), or "".
std::string output_file_problem(const std::string& file);
// The normal form of a relative output file name ("./a//b.txt" -> "a/b.txt"); `file` must pass output_file_problem.
std::string normal_output_file(const std::string& file);

// A file an object writes, relative to the output directory, and the key that asks for it.
struct OutputFile {
  std::string name;
  std::string key;
};

// Who asks for a path: a group's key, where it was written, and how the value came about when the file does not
// show it (e.g. "set by -o", "by default <outputPath>/Last"). A file whose name the type fixes has no key.
struct PathOwner {
  std::string group, key;
  SourceLocation where;
  std::string note;
};

// A directory the run writes checkpoints into: `whole` when the checkpoint is the directory itself (written as
// NAME.tmp beside it and swapped in through NAME.old: lastCheckpointDir), else checkpoints go inside it
// (checkpointWriteDir: CheckpointNNN, pruned).
struct CheckpointDirectory {
  std::filesystem::path path;
  PathOwner owner;
  bool whole = false;
};

struct PlannedFile {
  std::string name;  // relative to the output directory
  PathOwner owner;
};

// Everything a run may write, as the params ask for it.
struct OutputPlan {
  std::vector<std::pair<std::string, SourceLocation>> groups;  // every group's name
  std::filesystem::path output_dir;
  PathOwner output_owner;
  std::vector<CheckpointDirectory> checkpoint_dirs;
  std::vector<PlannedFile> files;
};

// Throws ParamError, located at the offending key and naming the other key involved, at the first broken rule.
void check_output_plan(const OutputPlan& plan);

}  // namespace spv
